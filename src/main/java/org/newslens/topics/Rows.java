package org.newslens.topics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Reading nested arrays from rows: Spark hands inner arrays to Java as Scala sequences. */
final class Rows {
    private Rows() {}

    /** An array<array<string>> field as Java lists. */
    static List<List<String>> nestedStrings(Row row, int field) {
        List<Object> outer = row.getList(field);
        List<List<String>> result = new ArrayList<>(outer.size());
        for (Object inner : outer) {
            if (inner instanceof scala.collection.Seq<?> seq) {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) scala.jdk.javaapi.CollectionConverters.asJava(seq);
                result.add(list);
            } else {
                @SuppressWarnings("unchecked")
                List<String> list = (List<String>) inner;
                result.add(list);
            }
        }
        return result;
    }
}
