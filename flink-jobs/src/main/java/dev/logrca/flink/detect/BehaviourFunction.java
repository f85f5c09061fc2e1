package dev.logrca.flink.detect;

import dev.logrca.core.detect.DetectorConfig;
import dev.logrca.core.detect.ServiceBehaviour;
import dev.logrca.core.detect.ServiceWindow;
import dev.logrca.core.model.Anomaly;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs each service's detectors over its windows, in order; their baselines live in keyed state.
 */
public final class BehaviourFunction extends KeyedProcessFunction<String, ServiceWindow, Anomaly> {
  private static final long serialVersionUID = 1L;

  private final DetectorConfig config;
  private transient ValueState<ServiceBehaviour> behaviour;

  public BehaviourFunction(DetectorConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    behaviour = getRuntimeContext().getState(behaviourState());
  }

  /**
   * The service's detectors, in an explicit versioned format ({@link ServiceBehaviourSerializer}).
   */
  private static ValueStateDescriptor<ServiceBehaviour> behaviourState() {
    return new ValueStateDescriptor<>("service-behaviour", new ServiceBehaviourSerializer());
  }

  /** Every state this function keeps, for the tests that check how each is stored. */
  public static List<StateDescriptor<?, ?>> stateDescriptors() {
    return List.of(behaviourState());
  }

  @Override
  public void processElement(ServiceWindow window, Context ctx, Collector<Anomaly> out)
      throws Exception {
    ServiceBehaviour current = behaviour.value();
    if (current == null) {
      current = new ServiceBehaviour(config);
    }
    for (Anomaly anomaly : current.observe(window)) {
      out.collect(anomaly);
    }
    behaviour.update(current);
  }
}
