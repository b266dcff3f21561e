package org.newslens.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newslens.topics.model.FittedModels;
import org.newslens.topics.model.TopicMatching;
import org.newslens.topics.model.Vocabulary;

/**
 * Gives a refitted model's topics and clusters the ids of the stored ones they match. Both are compared as term
 * weights: a topic by its weights over its vocabulary, a cluster by its centroid over terms (a cluster of topic
 * mixtures by its centroid's mixture of the topics' term weights), so two models with different vocabularies or
 * different topics underneath are still compared term by term.
 */
final class ModelIdentity {
    /** The ids decided, and how many topics and clusters kept a stored id. */
    record Ids(ModelIds topics, ModelIds clusters, int matchedTopics, int matchedClusters) {}

    private ModelIdentity() {}

    /** A model fitted afresh: ids 0 … k-1, all first seen in this run. */
    static Ids fresh(FittedModels models, String runId) {
        return new Ids(
                ModelIds.fresh(models.topics().length, runId), ModelIds.fresh(models.centroids().length, runId), 0, 0);
    }

    /** Matches the refitted components to the stored ones (cosine at least {@code minCosine}, optimal assignment). */
    static Ids matched(FittedModels fitted, Vocabulary vocabulary, StoredModel stored, double minCosine, String runId) {
        if (!stored.hasModel()) {
            int[] none = new int[fitted.topics().length];
            java.util.Arrays.fill(none, -1);
            int[] noCluster = new int[fitted.centroids().length];
            java.util.Arrays.fill(noCluster, -1);
            return new Ids(
                    ModelIds.matched(none, stored.topics(), stored.lastTopicId(), runId),
                    ModelIds.matched(noCluster, stored.clusters(), stored.lastClusterId(), runId),
                    0,
                    0);
        }
        int[] topicMatch = TopicMatching.match(
                TopicMatching.cosines(
                        topicProfiles(fitted, vocabulary), topicProfiles(stored.models(), stored.vocabulary())),
                minCosine);
        int[] clusterMatch = TopicMatching.match(
                TopicMatching.cosines(
                        clusterProfiles(fitted, vocabulary), clusterProfiles(stored.models(), stored.vocabulary())),
                minCosine);
        return new Ids(
                ModelIds.matched(topicMatch, stored.topics(), stored.lastTopicId(), runId),
                ModelIds.matched(clusterMatch, stored.clusters(), stored.lastClusterId(), runId),
                matches(topicMatch),
                matches(clusterMatch));
    }

    private static int matches(int[] matched) {
        int n = 0;
        for (int m : matched) {
            n += m >= 0 ? 1 : 0;
        }
        return n;
    }

    /** Each topic's non-zero term weights. */
    static List<Map<String, Double>> topicProfiles(FittedModels models, Vocabulary vocabulary) {
        List<Map<String, Double>> profiles = new ArrayList<>();
        for (double[] topic : models.topics()) {
            profiles.add(profile(topic, vocabulary));
        }
        return profiles;
    }

    /** Each cluster's centroid over terms: the centroid itself, or for clusters of mixtures Σ_t c_t · topic_t. */
    static List<Map<String, Double>> clusterProfiles(FittedModels models, Vocabulary vocabulary) {
        List<Map<String, Double>> profiles = new ArrayList<>();
        for (double[] centroid : models.centroids()) {
            if (!models.clustersOnMixtures()) {
                profiles.add(profile(centroid, vocabulary));
                continue;
            }
            double[] overTerms = new double[vocabulary.size()];
            for (int t = 0; t < centroid.length; t++) {
                for (int j = 0; j < overTerms.length; j++) {
                    overTerms[j] += centroid[t] * models.topics()[t][j];
                }
            }
            profiles.add(profile(overTerms, vocabulary));
        }
        return profiles;
    }

    private static Map<String, Double> profile(double[] weights, Vocabulary vocabulary) {
        Map<String, Double> profile = new HashMap<>();
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] != 0) {
                profile.put(vocabulary.terms().get(j), weights[j]);
            }
        }
        return profile;
    }
}
