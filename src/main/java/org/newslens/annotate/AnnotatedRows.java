package org.newslens.annotate;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newslens.annotate.names.CanonicalMention;
import org.newslens.io.Columns;

/**
 * One row per annotated document with its sentences, tokens and mentions as arrays: the single result of the
 * CoreNLP pass, cached once and exploded into the three tables. {@code error} is set (and the arrays empty)
 * for a document CoreNLP failed on.
 */
final class AnnotatedRows {
    static final StructType SENTENCE = createStructType(new StructField[] {
        f("sent_id", IntegerType, false),
        f("begin", IntegerType, false),
        f("end", IntegerType, false),
        f("text", StringType, false),
        f("terms", createArrayType(StringType, true), false)
    });
    static final StructType TOKEN = createStructType(new StructField[] {
        f("sent_id", IntegerType, false), f("tok_id", IntegerType, false), f("text", StringType, false),
        f("lemma", StringType, false), f("pos", StringType, true), f("ner", StringType, true),
        f("is_stop", BooleanType, false), f("begin", IntegerType, false), f("end", IntegerType, false)
    });
    static final StructType MENTION = createStructType(new StructField[] {
        f("sent_id", IntegerType, false), f("begin", IntegerType, false), f("end", IntegerType, false),
        f("text", StringType, false), f("type", StringType, false), f("name", StringType, false),
        f("link_key", StringType, true), f("offers", createArrayType(StringType, false), false)
    });
    static final StructType SCHEMA = createStructType(new StructField[] {
        f(Columns.DOC_ID, StringType, false),
        f("sentences", createArrayType(SENTENCE, false), false),
        f("tokens", createArrayType(TOKEN, false), false),
        f("mentions", createArrayType(MENTION, false), false),
        f("error", StringType, true)
    });

    private AnnotatedRows() {}

    static Row of(AnnotatedDocument doc) {
        List<Row> sentences = new ArrayList<>(doc.sentences().size());
        for (AnnotatedDocument.Sentence s : doc.sentences()) {
            sentences.add(RowFactory.create(s.sentId(), s.begin(), s.end(), s.text(), seq(s.terms())));
        }
        List<Row> tokens = new ArrayList<>(doc.tokens().size());
        for (AnnotatedDocument.Token t : doc.tokens()) {
            tokens.add(RowFactory.create(
                    t.sentId(), t.tokId(), t.text(), t.lemma(), t.pos(), t.ner(), t.isStop(), t.begin(), t.end()));
        }
        List<Row> mentions = new ArrayList<>(doc.mentions().size());
        for (CanonicalMention m : doc.mentions()) {
            mentions.add(RowFactory.create(
                    m.span().sentId(),
                    m.span().begin(),
                    m.span().end(),
                    m.span().text(),
                    m.span().type(),
                    m.name(),
                    m.linkKey(),
                    seq(m.offers())));
        }
        return RowFactory.create(doc.docId(), seq(sentences), seq(tokens), seq(mentions), null);
    }

    static Row failed(String docId, Throwable error) {
        return RowFactory.create(docId, seq(List.of()), seq(List.of()), seq(List.of()), String.valueOf(error));
    }

    /** The Row encoder wants Scala sequences for array columns; this wraps without copying. */
    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(list);
    }

    private static StructField f(String name, DataType type, boolean nullable) {
        return createStructField(name, type, nullable);
    }
}
