package org.newslens.ingest.article;

import java.time.LocalDate;
import java.util.List;

/** What the parser found in one article: header fields (null when unknown) and the body lines left. */
public record ParsedArticle(String title, LocalDate published, String outlet, List<String> lines) {}
