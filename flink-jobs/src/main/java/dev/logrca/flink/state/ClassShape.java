package dev.logrca.flink.state;

import java.io.ObjectStreamClass;
import java.io.ObjectStreamField;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Java serialisation writes of a state class and of every project class its fields can hold,
 * as one line per class: name, serialVersionUID and its serialised fields with their declared
 * (generic) types. Two builds whose lines differ would read each other's bytes wrongly or with
 * silent defaults, whatever their serialVersionUIDs say. Classes outside the project (the JDK,
 * Smile) are named by their field's type but not walked into.
 */
final class ClassShape {
  private static final String PROJECT = "dev.logrca.";

  private ClassShape() {}

  /** The sorted lines of {@code type} and the project classes reachable from its fields. */
  static List<String> of(Class<?> type) {
    Set<String> lines = new TreeSet<>();
    Set<Class<?>> seen = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.add(type);
    while (!todo.isEmpty()) {
      Class<?> c = todo.poll();
      if (!seen.add(c)) {
        continue;
      }
      if (c.isEnum()) {
        lines.add(c.getName() + " enum"); // written by name: its constants may change freely
        continue;
      }
      if (!Serializable.class.isAssignableFrom(c) || c.isInterface()) {
        continue;
      }
      lines.add(line(c, todo));
      Class<?> parent = c.getSuperclass();
      if (parent != null && parent.getName().startsWith(PROJECT)) {
        todo.add(parent);
      }
    }
    return new ArrayList<>(lines);
  }

  private static String line(Class<?> c, Deque<Class<?>> todo) {
    ObjectStreamClass stream = ObjectStreamClass.lookup(c);
    StringBuilder out = new StringBuilder(c.getName());
    out.append(" uid=").append(stream.getSerialVersionUID()).append(" {");
    for (ObjectStreamField f : stream.getFields()) {
      Type declared = declaredType(c, f);
      out.append(' ').append(f.getName()).append(':').append(declared.getTypeName()).append(';');
      collect(declared, todo);
    }
    return out.append(" }").toString();
  }

  private static Type declaredType(Class<?> c, ObjectStreamField f) {
    try {
      Field field = c.getDeclaredField(f.getName());
      return field.getGenericType();
    } catch (NoSuchFieldException e) {
      return f.getType(); // a serialPersistentFields entry without a field of that name
    }
  }

  /** Queues the project classes named by {@code type}, its type arguments and array elements. */
  private static void collect(Type type, Deque<Class<?>> todo) {
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.getName().startsWith(PROJECT)) {
        todo.add(c);
      }
    } else if (type instanceof ParameterizedType p) {
      collect(p.getRawType(), todo);
      for (Type arg : p.getActualTypeArguments()) {
        collect(arg, todo);
      }
    } else if (type instanceof GenericArrayType a) {
      collect(a.getGenericComponentType(), todo);
    }
  }
}
