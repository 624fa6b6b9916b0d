package org.varflow.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.varflow.cli.sweep.Table;

/**
 * Writes the sweep's tables as Parquet with Spark's DataFrame writer: {@code DIR/NAME.parquet}, one part file each
 * (the tables have a row per run or per cell, not per particle), the rows in the table's order. Each is written
 * beside its target under a temporary name and renamed into place when Spark has committed it, so a failed sweep
 * leaves no half-written table; a sweep that fails after its tables were written removes them ({@link #remove}),
 * as it removes its CSV files and plots. Column types follow the table's (string, bigint, double, boolean; null
 * for empty).
 */
final class ParquetTables {
    private ParquetTables() {
    }

    /**
     * Writes every table into {@code location}: a directory path or a URI of any filesystem Spark's Hadoop
     * configuration reaches (hdfs://, s3a://, file:/...). Returns where each went. All or none: when one table cannot
     * be written, those already written are removed again.
     */
    static List<String> write(SparkSession spark, List<Table> tables, String location) throws IOException {
        org.apache.hadoop.fs.Path base = new org.apache.hadoop.fs.Path(location);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> written = new ArrayList<>();
        try {
            for (Table t : tables) {
                written.add(write(spark, t, base));
            }
        } catch (Exception e) { // also Spark's SparkException, which Scala throws undeclared
            remove(conf, written);
            throw e;
        }
        return written;
    }

    /**
     * Removes tables {@link #write} wrote (as it returned them); needs only the Hadoop configuration, so it works
     * after the Spark session stopped. What cannot be removed is left: the command is failing already.
     */
    static void remove(Configuration conf, List<String> written) {
        for (String table : written) {
            try {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(table);
                p.getFileSystem(conf).delete(p, true);
            } catch (IOException | RuntimeException ignored) {
                // the other tables are still removed
            }
        }
    }

    private static String write(SparkSession spark, Table table, org.apache.hadoop.fs.Path base) throws IOException {
        var conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(base, table.name() + ".parquet");
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(base, "." + table.name() + ".parquet.partial");
        FileSystem fs = to.getFileSystem(conf);
        to = fs.makeQualified(to);
        tmp = fs.makeQualified(tmp);
        fs.delete(tmp, true);
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (List<Object> r : table.rows()) {
            rows.add(RowFactory.create(r.toArray()));
        }
        try {
            spark.createDataFrame(rows, schema(table)).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                    .parquet(tmp.toString());
        } catch (Exception e) { // what Spark left of the failed job goes too
            fs.delete(tmp, true);
            throw e;
        }
        fs.delete(to, true);
        if (!fs.rename(tmp, to)) {
            throw new IOException("cannot rename " + tmp + " to " + to);
        }
        return new org.apache.hadoop.fs.Path(base, table.name() + ".parquet").toString();
    }

    static StructType schema(Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Table.Column c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(Table.Type t) {
        return switch (t) {
            case STRING -> DataTypes.StringType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }
}
