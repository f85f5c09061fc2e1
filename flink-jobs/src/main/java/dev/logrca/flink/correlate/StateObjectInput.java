package dev.logrca.flink.correlate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the engine's state objects from a checkpoint, refusing what Java serialisation would let
 * through silently: a class outside the project and the JDK's collections, and one of the project's
 * classes whose fields changed since the state was written, unless that class says itself how to
 * read its older form (a private {@code readObject}, as {@code LogFact} has).
 */
final class StateObjectInput extends ObjectInputStream {
  private static final ObjectInputFilter ALLOWED =
      ObjectInputFilter.Config.createFilter("dev.logrca.**;java.lang.*;java.util.*;java.time.*;!*");

  private final ClassLoader loader;

  StateObjectInput(InputStream in, ClassLoader loader) throws IOException {
    super(in);
    this.loader = loader;
    setObjectInputFilter(ALLOWED);
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass written) throws IOException {
    Class<?> type;
    try {
      type = Class.forName(written.getName(), false, loader);
    } catch (ClassNotFoundException e) {
      throw new InvalidClassException(
          written.getName(), "state class is gone from this version: " + e.getMessage());
    }
    if (type.getName().startsWith("dev.logrca.") && !readsOlderForms(type)) {
      ObjectStreamClass local = ObjectStreamClass.lookup(type);
      if (local != null && !fields(local).equals(fields(written))) {
        throw new InvalidClassException(
            type.getName(),
            "state was written with fields "
                + fields(written)
                + ", this version has "
                + fields(local)
                + " and no readObject that migrates them; restore with the version that wrote"
                + " the state, or start without it");
      }
    }
    return type;
  }

  private static boolean readsOlderForms(Class<?> type) {
    try {
      Method m = type.getDeclaredMethod("readObject", ObjectInputStream.class);
      return Modifier.isPrivate(m.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static List<String> fields(ObjectStreamClass descriptor) {
    return Arrays.stream(descriptor.getFields())
        .map(f -> f.getName() + ":" + signature(f))
        .sorted()
        .toList();
  }

  private static String signature(ObjectStreamField field) {
    return field.isPrimitive() ? String.valueOf(field.getTypeCode()) : field.getTypeString();
  }
}
