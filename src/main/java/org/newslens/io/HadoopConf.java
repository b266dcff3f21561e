package org.newslens.io;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The one place the Hadoop configuration comes from ({@link #forSession}), and a wrapper that ships it (with
 * the spark.hadoop.* settings) to executors.
 */
public final class HadoopConf implements Serializable {
    private transient Configuration conf;

    public HadoopConf(Configuration conf) {
        this.conf = conf;
    }

    /**
     * The Hadoop configuration to read and write with: the session's when there is one (Spark built it with the
     * spark.hadoop.* settings), else Hadoop's defaults plus the spark.hadoop.* settings spark-submit passed
     * (credentials for s3a:, the HDFS name node), as a session would see them, and {@link NioLocalFileSystem} for
     * {@code file:} unless they name another.
     */
    public static Configuration forSession(SparkSession spark) {
        if (spark != null) {
            return spark.sparkContext().hadoopConfiguration();
        }
        Configuration conf = new Configuration();
        for (Tuple2<String, String> entry : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
            conf.set(entry._1(), entry._2());
        }
        conf.setIfUnset(NioLocalFileSystem.SETTING, NioLocalFileSystem.class.getName());
        return conf;
    }

    public Configuration get() {
        return conf;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
