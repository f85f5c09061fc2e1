package dev.logrca.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.flink.correlate.CorrelationFunction;
import dev.logrca.flink.correlate.CorrelationInputFilter;
import dev.logrca.flink.detect.BehaviourFunction;
import dev.logrca.flink.detect.ServiceWindowFunction;
import dev.logrca.flink.mine.TemplateMiningFunction;
import dev.logrca.flink.state.JavaSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.MapSerializer;
import org.junit.jupiter.api.Test;

/**
 * Every state the job keeps has a serializer the project chose: a versioned one of its own or a
 * Flink serializer of a number; none is Java serialisation any more. Never one Flink picked by
 * class, whose POJO and Kryo forms accept any change to the class.
 */
class StateSerializersTest {
  @Test
  void everyStateHasAnExplicitSerializer() {
    Map<String, List<TypeSerializer<?>>> byState = new TreeMap<>();
    List<StateDescriptor<?, ?>> all = new ArrayList<>();
    all.addAll(TemplateMiningFunction.stateDescriptors());
    all.addAll(ServiceWindowFunction.stateDescriptors());
    all.addAll(BehaviourFunction.stateDescriptors());
    all.addAll(CorrelationInputFilter.stateDescriptors());
    all.addAll(CorrelationFunction.stateDescriptors());
    ExecutionConfig noGenericTypes = new ExecutionConfig();
    ((SerializerConfigImpl) noGenericTypes.getSerializerConfig()).setGenericTypes(false);
    for (StateDescriptor<?, ?> state : all) {
      state.initializeSerializerUnlessSet(noGenericTypes);
      byState.put(state.getName(), leaves(state.getSerializer()));
    }

    assertThat(byState)
        .containsOnlyKeys(
            "template-miner",
            "open-windows",
            "next-window",
            "silent-streak",
            "latest-event-time",
            "service-behaviour",
            "last-second",
            "seen",
            "pending-events",
            "pending-anomalies",
            "pending-events-by-tick",
            "pending-anomalies-by-tick",
            "correlation-scopes",
            "correlation-hops");
    byState.forEach(
        (name, serializers) ->
            assertThat(serializers)
                .as("serializers of %s", name)
                .allSatisfy(
                    s ->
                        assertThat(s.getClass().getName())
                            .satisfiesAnyOf(
                                n -> assertThat(n).startsWith("dev.logrca."),
                                n ->
                                    assertThat(n)
                                        .isIn(
                                            LongSerializer.class.getName(),
                                            IntSerializer.class.getName()))));
    List<String> javaSerialised = new ArrayList<>();
    byState.forEach(
        (name, serializers) -> {
          if (serializers.stream().anyMatch(s -> s instanceof JavaSerializer<?>)) {
            javaSerialised.add(name);
          }
        });
    // the last two (the detectors and the open windows) moved to versioned formats in issue 14
    assertThat(javaSerialised).isEmpty();
  }

  /** The serializers of a state's values (and map keys), inside Flink's list and map wrappers. */
  private static List<TypeSerializer<?>> leaves(TypeSerializer<?> serializer) {
    if (serializer instanceof ListSerializer<?> list) {
      return leaves(list.getElementSerializer());
    }
    if (serializer instanceof MapSerializer<?, ?> map) {
      List<TypeSerializer<?>> both = new ArrayList<>(leaves(map.getKeySerializer()));
      both.addAll(leaves(map.getValueSerializer()));
      return both;
    }
    return List.of(serializer);
  }
}
