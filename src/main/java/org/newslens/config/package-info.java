/**
 * Ground floor: typed settings. A {@link org.newslens.config.Setting} is a documented key with a default and a
 * parser that rejects bad values; {@link org.newslens.config.Settings} holds one run's values. Each job declares
 * its settings in its own package; the registry next to {@code Main} lists them all. Pure Java; imports no stage.
 */
package org.newslens.config;
