package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An online Drain-style template miner for one service: each message is tokenised by its shape, its
 * obvious variables are masked, and a fixed-depth prefix tree finds the most similar template,
 * which the message joins (generalising it) or founds. While the templates stay as they are, a
 * message that differs from an earlier one only in its numbers and hex ids ({@link LineShapes}), or
 * not at all ({@link RepeatedMessages}), is answered from memory. Not thread-safe: one instance per
 * key.
 */
public final class TemplateMiner {
  final MinerConfig config;
  final PrefixTree tree;

  /** Live clusters by id, least recently used first. */
  final LinkedHashMap<Integer, Cluster> clusters = new LinkedHashMap<>(16, 0.75f, true);

  /** Ids retired by a merge, mapped to the id that absorbed them. */
  final Map<Integer, Integer> retired = new HashMap<>();

  int nextId = 1;
  private final ChangeTracker changes = new ChangeTracker();
  private final TokenReader reader;
  private final RepeatedMessages repeats = new RepeatedMessages();
  private final LineShapes shapes = new LineShapes();
  private final ValueOffsets offsets = new ValueOffsets();
  private boolean rememberRepeats = true;
  private boolean rememberShapes = true;

  /**
   * The template the last message answered from its shape joined, if nothing has touched the order
   * of use since: it is the most recently used already.
   */
  private Cluster lastAnswered;

  /** Raised by every change to the templates or the tree, which voids remembered results. */
  private long templatesVersion;

  /** Messages answered as repeats, and from their shapes, for tests that must know they were. */
  long repeatAnswers;

  long shapeAnswers;

  /** HotSpot's default {@code FreqInlineSize}: the most bytes of bytecode C2 inlines. */
  static final int INLINE_LIMIT = 325;

  public TemplateMiner(MinerConfig config) {
    this.config = config;
    this.tree = new PrefixTree(config.treeDepth(), config.maxChildren());
    this.reader = new TokenReader(config);
  }

  /** Finds or creates the template of {@code message} and reads its parameters. */
  public MiningResult mine(String message) {
    MiningResult known = rememberShapes ? answerFromShape(message) : null;
    return known != null ? known : mineAfresh(message);
  }

  /**
   * The result of {@code message} if it differs from a message mined since the templates last
   * changed only in its numbers and hex runs, else null.
   */
  private MiningResult answerFromShape(String message) {
    MiningResult known = shapes.answer(message, templatesVersion);
    if (known != null) {
      Cluster cluster = shapes.answeredCluster();
      if (cluster != lastAnswered) {
        clusters.get(cluster.id); // touch: most recently used
        lastAnswered = cluster;
      }
      cluster.size++;
      shapeAnswers++;
    }
    return known;
  }

  /**
   * Mines a message that its shape did not answer: as an exact repeat, else in full.
   *
   * <p>One method, larger than HotSpot's C2 compiler inlines (it inlines no method of over {@value
   * #INLINE_LIMIT} bytes of bytecode, {@code -XX:FreqInlineSize}), so that it is compiled apart
   * from {@link #mine}. A message of a kind not seen before takes a branch of tokenising, masking
   * or matching that the compiled code left out as never taken; the compiled method it was inlined
   * into is then thrown away and runs interpreted until compiled again, which for the whole miner
   * took up to a second of the compiler's time on a busy two-core machine: the first lines of a new
   * service made every warm line about 40% slower for that long. {@code
   * TemplateMinerCompilationTest} holds the size.
   */
  private MiningResult mineAfresh(String message) {
    changes.reset();
    lastAnswered = null; // any other way may touch other templates
    if (rememberRepeats) {
      RepeatedMessages.Repeat repeat = repeats.get(message, templatesVersion);
      if (repeat != null) {
        clusters.get(repeat.cluster().id); // touch: most recently used
        repeat.cluster().size++;
        repeatAnswers++;
        return repeat.result();
      }
    }
    TokenizedMessage tokens = reader.tokenize(message);
    MaskedWord[] notes = new MaskedWord[tokens.words().length];
    String[] masked = reader.mask(tokens, notes);
    PrefixTree.Node leaf = tree.find(tokens.shape(), masked);
    Cluster match = leaf == null ? null : SimilarTemplates.best(leaf.clusters, masked, config);
    boolean created = match == null;
    boolean changed = false;
    if (created && leaf != null) {
      List<Cluster> siblings =
          VaryingPosition.siblings(leaf.clusters, masked, config.variableAfterDistinctValues());
      if (!siblings.isEmpty()) {
        match = fold(siblings);
        created = false;
        changed = true;
      }
    }
    if (created) {
      match = create(tokens.shape(), masked);
    } else {
      clusters.get(match.id); // touch: most recently used
      match.size++;
      String[] generalised = SimilarTemplates.generalise(match.tokens, masked);
      if (generalised != match.tokens || changed) {
        retext(match, generalised);
        match = mergeTwins(match);
        changed = true;
      }
    }
    MiningResult result = result(match, tokens.words(), notes, created, changed);
    if (!result.created() && !result.changed()) {
      if (rememberRepeats) {
        repeats.put(message, match, result, templatesVersion);
      }
      if (rememberShapes) {
        shapes.remember(message, tokens, masked, match, result, offsets, templatesVersion);
      }
    }
    return result;
  }

  /**
   * Turns remembering repeated messages off or on; with it off every message is mined afresh, which
   * must give the same results (the differential test holds the memory to it).
   */
  void rememberRepeats(boolean remember) {
    rememberRepeats = remember;
  }

  /** As {@link #rememberRepeats}, for answering messages from the shapes of earlier ones. */
  void rememberShapes(boolean remember) {
    rememberShapes = remember;
  }

  public int templateCount() {
    return clusters.size();
  }

  /** The live template with this id; a retired id is followed to its survivor. */
  public Optional<Template> template(int id) {
    lastAnswered = null;
    Cluster cluster = clusters.get(resolve(id));
    return Optional.ofNullable(cluster).map(Cluster::view);
  }

  /** The live templates, least recently used first. */
  public Collection<Template> templates() {
    List<Template> views = new ArrayList<>(clusters.size());
    for (Cluster cluster : clusters.values()) {
      views.add(cluster.view());
    }
    return views;
  }

  /** The id that now stands for {@code id}: its survivor if it was merged away, else itself. */
  public int resolve(int id) {
    int current = id;
    Integer next = retired.get(current);
    while (next != null) {
      current = next;
      next = retired.get(current);
    }
    return current;
  }

  /** The miner's whole state; {@link #restore} continues exactly where this miner stands. */
  public byte[] snapshot() {
    return MinerSnapshot.write(this);
  }

  public static TemplateMiner restore(byte[] snapshot) {
    return MinerSnapshot.read(snapshot);
  }

  private Cluster create(LogShape shape, String[] masked) {
    templatesVersion++;
    Cluster cluster = new Cluster(nextId++, shape, masked, 1);
    tree.add(cluster);
    clusters.put(cluster.id, cluster);
    if (clusters.size() > config.maxTemplates()) {
      evict(clusters.values().iterator().next());
    }
    return cluster;
  }

  /**
   * Folds templates that differ only in a position now known to be variable into the oldest of
   * them, retiring the others' ids; the caller then generalises it with the message.
   */
  private Cluster fold(List<Cluster> siblings) {
    Cluster survivor = siblings.get(0);
    for (Cluster sibling : siblings) {
      if (sibling.id < survivor.id) {
        survivor = sibling;
      }
    }
    for (Cluster sibling : siblings) {
      if (sibling != survivor) {
        retext(survivor, SimilarTemplates.generalise(survivor.tokens, sibling.tokens));
        absorb(survivor, sibling);
      }
    }
    return survivor;
  }

  private void absorb(Cluster survivor, Cluster gone) {
    templatesVersion++;
    survivor.size += gone.size;
    tree.remove(gone);
    clusters.remove(gone.id);
    retired.put(gone.id, survivor.id);
    changes.retiring();
  }

  private void retext(Cluster cluster, String[] tokens) {
    templatesVersion++;
    changes.rewriting(cluster);
    cluster.replaceTokens(tokens);
  }

  /**
   * The change to publish for {@code cluster} after this call, or null: a birth, a new text, or ids
   * merged into it. A template born and at once merged into an older twin is the twin's merge.
   */
  private TemplateChange change(Cluster cluster, boolean created) {
    if (created && cluster.id == nextId - 1) {
      return new TemplateChange(cluster.id, null, cluster.text(), List.of(), cluster.size);
    }
    if (!changes.changed(cluster)) {
      return null;
    }
    return new TemplateChange(
        cluster.id,
        changes.textBefore(cluster),
        cluster.text(),
        retiredInto(cluster.id),
        cluster.size);
  }

  /** Every retired id that resolves to {@code id}, ascending. */
  private List<Integer> retiredInto(int id) {
    List<Integer> ids = new ArrayList<>();
    for (Integer gone : retired.keySet()) {
      if (resolve(gone) == id) {
        ids.add(gone);
      }
    }
    ids.sort(null);
    return ids;
  }

  private void evict(Cluster cluster) {
    templatesVersion++;
    tree.remove(cluster);
    clusters.remove(cluster.id);
    // retired ids that led to the evicted template now lead nowhere
    retired.values().removeIf(survivor -> survivor == cluster.id);
  }

  /**
   * A generalised template may now read exactly like another in its leaf; the two are one template,
   * kept under the older id, and the younger id is retired to it.
   */
  private Cluster mergeTwins(Cluster changed) {
    for (Cluster other : changed.leaf.clusters) {
      if (other != changed && Arrays.equals(other.tokens, changed.tokens)) {
        Cluster survivor = other.id < changed.id ? other : changed;
        absorb(survivor, survivor == other ? changed : other);
        clusters.get(survivor.id);
        return survivor;
      }
    }
    return changed;
  }

  private MiningResult result(
      Cluster cluster, String[] words, MaskedWord[] notes, boolean created, boolean changed) {
    List<String> parameters = new ArrayList<>();
    // the note of the word each parameter is, when it is a whole word; null for a part of one
    List<MaskedWord> sources = new ArrayList<>();
    int uncovered;
    while ((uncovered =
            Parameters.extract(cluster.tokens, words, notes, parameters, sources, offsets))
        >= 0) {
      // a safety net: a token that cannot give its word back becomes a plain wildcard
      String[] widened = cluster.tokens.clone();
      widened[uncovered] = TokenMasker.WILDCARD;
      retext(cluster, widened);
      cluster = mergeTwins(cluster);
      changed = true;
      parameters.clear();
      sources.clear();
    }
    VariableType[] types = new VariableType[parameters.size()];
    for (int i = 0; i < types.length; i++) {
      MaskedWord source = sources.get(i);
      // masking has mostly classified the word already
      types[i] =
          source == null
              ? VariableClassifier.typeOrWord(parameters.get(i))
              : source.typeOrWord(parameters.get(i));
    }
    // immutable lists, which MiningResult keeps without copying them again
    return new MiningResult(
        cluster.id,
        cluster.text(),
        List.copyOf(parameters),
        List.of(types),
        created,
        changed,
        change(cluster, created));
  }
}
