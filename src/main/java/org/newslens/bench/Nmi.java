package org.newslens.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Normalised mutual information of two labelings, arithmetic-mean normalisation (scikit-learn's default). */
public final class Nmi {
    private Nmi() {}

    public static <A, B> double of(List<A> truth, List<B> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("labelings differ in length");
        }
        int n = truth.size();
        Map<A, Integer> a = new HashMap<>();
        Map<B, Integer> b = new HashMap<>();
        Map<List<Object>, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) {
            a.merge(truth.get(i), 1, Integer::sum);
            b.merge(predicted.get(i), 1, Integer::sum);
            joint.merge(List.of(truth.get(i), predicted.get(i)), 1, Integer::sum);
        }
        double ha = entropy(a.values(), n);
        double hb = entropy(b.values(), n);
        double mi = 0;
        for (Map.Entry<List<Object>, Integer> e : joint.entrySet()) {
            double pab = e.getValue() / (double) n;
            @SuppressWarnings("unchecked")
            double pa = a.get((A) e.getKey().get(0)) / (double) n;
            @SuppressWarnings("unchecked")
            double pb = b.get((B) e.getKey().get(1)) / (double) n;
            mi += pab * Math.log(pab / (pa * pb));
        }
        double mean = (ha + hb) / 2;
        return mean <= 0 ? (ha == hb ? 1.0 : 0.0) : Math.max(0, mi / mean);
    }

    private static double entropy(java.util.Collection<Integer> counts, int n) {
        double h = 0;
        for (int c : counts) {
            double p = c / (double) n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
