package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drain's fixed-depth prefix tree: the first level keys on the message's shape and token count, the
 * next levels on its leading tokens, and each leaf holds the few templates worth comparing.
 */
final class PrefixTree {
  private final int prefixTokens;
  private final int maxChildren;
  private final Node root = new Node(null, "");

  PrefixTree(int treeDepth, int maxChildren) {
    this.prefixTokens = treeDepth - 2;
    this.maxChildren = maxChildren;
  }

  /** One tree node; leaves carry clusters in the order they were added. */
  static final class Node {
    final Node parent;
    final String key;
    final Map<String, Node> children = new HashMap<>();
    final List<Cluster> clusters = new ArrayList<>(2);

    Node(Node parent, String key) {
      this.parent = parent;
      this.key = key;
    }

    /** The keys from the root's child down to this node. */
    List<String> path() {
      List<String> keys = new ArrayList<>();
      for (Node node = this; node.parent != null; node = node.parent) {
        keys.add(0, node.key);
      }
      return keys;
    }
  }

  /** The first-level keys of the common token counts, built once rather than for every line. */
  private static final String[][] FIRST_KEYS = new String[LogShape.values().length][128];

  static {
    for (LogShape shape : LogShape.values()) {
      for (int count = 0; count < FIRST_KEYS[shape.ordinal()].length; count++) {
        FIRST_KEYS[shape.ordinal()][count] = shape.ordinal() + ":" + count;
      }
    }
  }

  static String firstKey(LogShape shape, int tokenCount) {
    String[] keys = FIRST_KEYS[shape.ordinal()];
    return tokenCount < keys.length ? keys[tokenCount] : shape.ordinal() + ":" + tokenCount;
  }

  /** The leaf a message with these masked tokens is compared in, or null if there is none. */
  Node find(LogShape shape, String[] masked) {
    Node node = root.children.get(firstKey(shape, masked.length));
    int depth = Math.min(prefixTokens, masked.length);
    for (int i = 0; i < depth && node != null; i++) {
      Node next = node.children.get(routeKey(masked[i]));
      node = next != null ? next : node.children.get(TokenMasker.WILDCARD);
    }
    return node;
  }

  /** Adds a new cluster under the path its tokens lead to, creating nodes as Drain does. */
  void add(Cluster cluster) {
    Node node = child(root, firstKey(cluster.shape, cluster.tokens.length));
    int depth = Math.min(prefixTokens, cluster.tokens.length);
    for (int i = 0; i < depth; i++) {
      node = descend(node, routeKey(cluster.tokens[i]));
    }
    attach(cluster, node);
  }

  /** Adds a cluster at a path recorded earlier (a snapshot), after the leaf's other clusters. */
  void addAt(Cluster cluster, List<String> path) {
    Node node = root;
    for (String key : path) {
      node = child(node, key);
    }
    attach(cluster, node);
  }

  /** Removes a cluster and prunes the nodes left empty, so the tree depends only on its leaves. */
  void remove(Cluster cluster) {
    Node node = cluster.leaf;
    node.clusters.remove(cluster);
    cluster.leaf = null;
    while (node.parent != null && node.clusters.isEmpty() && node.children.isEmpty()) {
      node.parent.children.remove(node.key);
      node = node.parent;
    }
  }

  /** Every leaf holding clusters, depth first. */
  List<Node> leaves() {
    List<Node> leaves = new ArrayList<>();
    collect(root, leaves);
    return leaves;
  }

  private static void collect(Node node, List<Node> leaves) {
    if (!node.clusters.isEmpty()) {
      leaves.add(node);
    }
    for (Node child : node.children.values()) {
      collect(child, leaves);
    }
  }

  private static void attach(Cluster cluster, Node leaf) {
    leaf.clusters.add(cluster);
    cluster.leaf = leaf;
  }

  /**
   * Drain's rule: a known token follows its own branch; a variable token, or a new one once the
   * node is full, follows the wildcard branch, so variable-first messages cannot blow up the tree.
   */
  private Node descend(Node node, String key) {
    Node existing = node.children.get(key);
    if (existing != null) {
      return existing;
    }
    if (key.equals(TokenMasker.WILDCARD)) {
      return child(node, key);
    }
    boolean hasWildcard = node.children.containsKey(TokenMasker.WILDCARD);
    int size = node.children.size();
    if (hasWildcard ? size < maxChildren : size + 1 < maxChildren) {
      return child(node, key);
    }
    return child(node, TokenMasker.WILDCARD);
  }

  private static Node child(Node node, String key) {
    return node.children.computeIfAbsent(key, k -> new Node(node, k));
  }

  /**
   * A token with a variable routes as one; so does a bracketed list of several items, whose items
   * (masked word by word) may differ from one line of a statement to the next.
   */
  private static String routeKey(String maskedToken) {
    return maskedToken.contains(TokenMasker.WILDCARD) || BracketedWords.isList(maskedToken)
        ? TokenMasker.WILDCARD
        : maskedToken;
  }
}
