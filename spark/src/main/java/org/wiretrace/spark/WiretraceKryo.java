package org.wiretrace.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers the classes the job shuffles with Kryo ({@code spark.kryo.registrator}), so records
 * carry a small class number instead of a class name: the plain classes ({@link Postings}, {@link
 * TopHits}, {@link Features}, {@link ArticleRow}) with Kryo's field serializer, the records ({@link
 * Edge}, {@link SkippedRow}, {@link FileIngest.Item}, {@link ScanOrder}, {@link SpinPruning}, whose
 * final fields Kryo 4 cannot set) with Java serialization. Stateless.
 */
public final class WiretraceKryo implements KryoRegistrator {

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(Postings.class);
    kryo.register(Disjunction.Group.class);
    kryo.register(TopHits.class);
    kryo.register(Features.class);
    kryo.register(ArticleRow.class);
    kryo.register(int[].class);
    kryo.register(long[].class);
    kryo.register(float[].class);
    kryo.register(double[].class);
    kryo.register(byte[].class);
    kryo.register(String[].class);
    kryo.register(Edge.class, new JavaSerializer());
    kryo.register(SkippedRow.class, new JavaSerializer());
    kryo.register(FileIngest.Item.class, new JavaSerializer());
    kryo.register(ScanOrder.class, new JavaSerializer());
    kryo.register(SpinPruning.class, new JavaSerializer());
  }
}
