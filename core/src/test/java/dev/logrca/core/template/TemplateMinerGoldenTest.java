package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real lines from several kinds of software, with the templates an operator would expect. */
class TemplateMinerGoldenTest {

  private static String templateOf(String... lines) {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult last = null;
    for (String line : lines) {
      last = miner.mine(line);
    }
    return miner.template(last.templateId()).orElseThrow().text();
  }

  @Test
  void masksObviousVariablesOnFirstSight() {
    assertThat(templateOf("PacketResponder 1 for block blk_38865049064139660 terminating"))
        .isEqualTo("PacketResponder <*> for block <*> terminating");
    assertThat(templateOf("Accepted socket connection from /10.10.34.13:37196"))
        .isEqualTo("Accepted socket connection from <*>:<*>");
    assertThat(templateOf("Connecting to driver: spark://CoarseGrainedScheduler@10.10.34.11:48069"))
        .isEqualTo("Connecting to driver: <*>");
    assertThat(templateOf("session opened for user root by (uid=0)"))
        .isEqualTo("session opened for user root by (uid=<*>)");
    assertThat(templateOf("Expiring session 0x24ede63a01b003b, timeout of 10000ms exceeded"))
        .isEqualTo("Expiring session <*>, timeout of <*> exceeded");
    assertThat(templateOf("generating core.2275")).isEqualTo("generating core.<*>");
    assertThat(templateOf("request 3f2b8c1e-0a4d-4c2e-9f1a-7b6d5e4c3b2a failed after 1.5s"))
        .isEqualTo("request <*> failed after <*>");
  }

  @Test
  void keepsClassNamesWithDigitsAndDollars() {
    assertThat(
            templateOf(
                "Added global filter 'safety' "
                    + "(class=org.apache.hadoop.http.HttpServer2$QuotingInputFilter)"))
        .isEqualTo(
            "Added global filter 'safety' "
                + "(class=org.apache.hadoop.http.HttpServer2$QuotingInputFilter)");
  }

  @Test
  void multiWordValuesDoNotSplitTheTemplate() {
    assertThat(
            templateOf(
                "Block broadcast_9 stored as values in memory (estimated size 8.8 KB, free 14.0 KB)",
                "Block broadcast_0 stored as values in memory (estimated size 384.0 B, free 317.5 KB)"))
        .isEqualTo("Block <*> stored as values in memory (estimated size <*>, free <*>)");
    assertThat(
            templateOf(
                "connection from 24.54.76.216 (host.example.net) at Fri Jun 17 07:07:00 2005",
                "connection from 10.0.0.1 (other-7.example.net) at Sat Jun 18 02:23:10 2005"))
        .isEqualTo("connection from <*> (<*>) at <*>");
    assertThat(
            templateOf("user said 'hello there old friend' and left", "user said 'bye' and left"))
        .isEqualTo("user said '<*>' and left");
    assertThat(templateOf("queue [a, b, c] drained", "queue [d] drained"))
        .isEqualTo("queue [<*>] drained");
  }

  @Test
  void generalisesAWordThatVariesInALongMessage() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult first =
        miner.mine("Changing view acls for the web console of the cluster to: yarn,curi today");
    MiningResult second =
        miner.mine("Changing view acls for the web console of the cluster to: root today");

    assertThat(second.templateId()).isEqualTo(first.templateId());
    assertThat(second.template())
        .isEqualTo("Changing view acls for the web console of the cluster to: <*> today");
    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.changed()).isTrue();
    assertThat(second.parameters()).containsExactly("root");
    assertThat(second.parameterTypes()).containsExactly(VariableType.WORD);
  }

  @Test
  void aPositionWithManyDifferentWordsBecomesAVariable() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int alice = miner.mine("session closed for user alice").templateId();
    int bob = miner.mine("session closed for user bob").templateId();
    MiningResult carol = miner.mine("session closed for user carol");

    // two words may be two events; the third makes it a variable
    assertThat(bob).isNotEqualTo(alice);
    assertThat(carol.template()).isEqualTo("session closed for user <*>");
    assertThat(carol.templateId()).isEqualTo(alice);
    assertThat(carol.created()).isFalse();
    assertThat(carol.changed()).isTrue();
    assertThat(miner.resolve(bob)).isEqualTo(alice);
    assertThat(miner.template(bob).orElseThrow().text()).isEqualTo("session closed for user <*>");
    assertThat(miner.templateCount()).isEqualTo(1);
  }

  @Test
  void differentUpperCaseStatesStayDifferentEvents() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int running =
        miner.mine("task_1_0020 Task Transitioned from SCHEDULED to RUNNING").templateId();
    int done = miner.mine("task_1_0021 Task Transitioned from SCHEDULED to SUCCEEDED").templateId();
    int killed = miner.mine("task_1_0022 Task Transitioned from SCHEDULED to KILLED").templateId();

    assertThat(Set.of(running, done, killed)).hasSize(3);
  }

  @Test
  void typesParameters() {
    MiningResult result =
        new TemplateMiner(MinerConfig.defaults())
            .mine("Received block blk_-42 of size 67108864 from /10.251.42.84 in 12ms");

    assertThat(result.template()).isEqualTo("Received block <*> of size <*> from <*> in <*>");
    assertThat(result.parameters()).containsExactly("blk_-42", "67108864", "/10.251.42.84", "12ms");
    assertThat(result.parameterTypes())
        .containsExactly(
            VariableType.ID, VariableType.NUMBER, VariableType.IP, VariableType.DURATION);
  }

  @Test
  void templatesJsonAndLogfmtByStructure() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult first = miner.mine("{\"level\":\"info\",\"msg\":\"user logged in\",\"user\":42}");
    MiningResult second = miner.mine("{\"level\":\"warn\",\"msg\":\"cache miss\",\"user\":7}");
    MiningResult other = miner.mine("{\"level\":\"info\",\"path\":\"/x\"}");

    assertThat(second.templateId()).isEqualTo(first.templateId());
    assertThat(first.template()).isEqualTo("{\"level\":\"<*>\",\"msg\":\"<*>\",\"user\":<*>}");
    assertThat(second.parameters()).containsExactly("warn", "cache miss", "7");
    assertThat(other.templateId()).isNotEqualTo(first.templateId());

    MiningResult logfmt = miner.mine("level=info msg=\"request done\" status=200 took=12ms");
    assertThat(logfmt.template()).isEqualTo("level=<*> msg=\"<*>\" status=<*> took=<*>");
    assertThat(logfmt.parameterTypes())
        .isEqualTo(
            List.of(
                VariableType.WORD,
                VariableType.QUOTED,
                VariableType.NUMBER,
                VariableType.DURATION));
  }

  @Test
  void emptyAndBlankMessagesShareOneEmptyTemplate() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult empty = miner.mine("");
    MiningResult blank = miner.mine("   ");

    assertThat(empty.template()).isEmpty();
    assertThat(blank.templateId()).isEqualTo(empty.templateId());
    assertThat(blank.parameters()).isEmpty();
  }

  @Test
  void aCountOfBytesKeepsItsUnitAsAWord() {
    assertThat(templateOf("Finished task 1.0 (TID 3). 2087 bytes result sent to driver"))
        .isEqualTo("Finished task <*> (TID <*>). <*> bytes result sent to driver");
    // the same size restated for people is one value, printed either way
    MiningResult restated =
        new TemplateMiner(MinerConfig.defaults())
            .mine("proxy.example.org:5070 close, 1190 bytes (1.16 KB) sent, 0 bytes received");
    assertThat(restated.template()).isEqualTo("<*> close, <*> sent, <*> bytes received");
    assertThat(
            templateOf(
                "proxy.example.org:5070 close, 0 bytes sent, 0 bytes received, lifetime 00:01",
                "proxy.example.org:5070 close, 1190 bytes (1.16 KB) sent, 0 bytes received, lifetime 00:02",
                "proxy.example.org:5070 close, 0 bytes sent, 1671 bytes (1.63 KB) received, lifetime 00:01"))
        .isEqualTo("<*> close, <*> sent, <*> received, lifetime <*>");
  }

  @Test
  void wordsAlikeButForTheirDigitsAreOneVariable() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int first =
        miner.mine("NFS Mount failed on bglio716, slept 15 seconds, retrying (1)").templateId();
    MiningResult second = miner.mine("NFS Mount failed on bglio91, slept 15 seconds, retrying (1)");

    assertThat(second.templateId()).isEqualTo(first);
    assertThat(second.template())
        .isEqualTo("NFS Mount failed on <*>, slept <*> seconds, retrying (<*>)");
  }

  @Test
  void aLabelPaddedWithPointsKeepsItsText() {
    assertThat(templateOf("machine check: i-fetch......................0"))
        .isEqualTo("machine check: i-fetch......................<*>");
    assertThat(templateOf("size of scratchpad portion of L3.........0 (0)"))
        .isEqualTo("size of scratchpad portion of L3.........<*> (<*>)");
    assertThat(templateOf("Starting executor ID 2 on host mesos-slave-07"))
        .isEqualTo("Starting executor ID <*> on host <*>");
  }

  @Test
  void classesOfOnePackageAreOneVariable() {
    assertThat(
            templateOf(
                "Registering class org.example.job.event.JobEventType for class org.example.App$Jobs",
                "Registering class org.example.history.EventType for class org.example.History"))
        .isEqualTo("Registering class org.example.<*> for class org.example.<*>");
    // upper-case constants at the end are named events, not classes
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int on = miner.mine("onReceive action: android.intent.action.SCREEN_ON").templateId();
    int off = miner.mine("onReceive action: android.intent.action.SCREEN_OFF").templateId();
    assertThat(off).isNotEqualTo(on);
  }

  @Test
  void aListOfNumberedNamesIsOneValueWhateverItsLength() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int one = miner.mine("BLOCK* ask 10.0.0.5:50010 to delete blk_-42").templateId();
    StringBuilder many = new StringBuilder("BLOCK* ask 10.0.0.6:50010 to delete");
    for (int i = 0; i < 40; i++) {
      many.append(" blk_").append(1000 + i);
    }
    MiningResult result = miner.mine(many.toString());

    assertThat(result.templateId()).isEqualTo(one);
    assertThat(result.template()).isEqualTo("BLOCK* ask <*> to delete <*>");
    assertThat(result.parameterTypes()).containsExactly(VariableType.IP_PORT, VariableType.LIST);
  }

  @Test
  void hexGroupsJoinedByColonsAreOneValue() {
    assertThat(templateOf("Transparent bridge - 0000:00:1e.0"))
        .isEqualTo("Transparent bridge - <*>");
    assertThat(templateOf("shutting down card(mLp(FF:F2:9F:16:CF:30), mType(2))"))
        .isEqualTo("shutting down card(mLp(<*>), mType(<*>))");
  }

  @Test
  void aQuotedRequestKeepsItsUpperCaseKeyword() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult get =
        miner.mine("10.11.10.1 \"GET /v2/54fa/servers/detail HTTP/1.1\" status: 200 len: 1893");
    MiningResult other =
        miner.mine("10.11.10.2 \"GET /v2/77ab/os-services HTTP/1.1\" status: 200 len: 1100");
    MiningResult post =
        miner.mine("10.11.10.1 \"POST /v2/54fa/servers HTTP/1.1\" status: 202 len: 733");

    assertThat(other.templateId()).isEqualTo(get.templateId());
    assertThat(other.template()).isEqualTo("<*> \"GET <*>\" status: <*> len: <*>");
    assertThat(post.templateId()).isNotEqualTo(get.templateId());
  }

  @Test
  void windowsPathsAreOneValue() {
    assertThat(
            templateOf(
                "Loaded Servicing Stack with Core: C:\\Windows\\winsxs\\amd64_x\\cbscore.dll"))
        .isEqualTo("Loaded Servicing Stack with Core: <*>");
    assertThat(
            templateOf("Extract to C:\\Users\\me\\AppData\\Local\\Temp\\Jetty_0_62267.jz\\webapp"))
        .isEqualTo("Extract to <*>");
  }

  @Test
  void valuesWithNothingBetweenThemAreOneValue() {
    assertThat(templateOf("exception for block BP-1088-10.10.34.11-1440:blk_1073742075_1251"))
        .isEqualTo("exception for block <*>:<*>");
  }

  @Test
  void hostNamesAreValuesButPropertyNamesAreNot() {
    assertThat(templateOf("Could not resolve proxy.cse.example.edu.hk error 11001"))
        .isEqualTo("Could not resolve <*> error <*>");
    MiningResult host = new TemplateMiner(MinerConfig.defaults()).mine("lookup of db.example.com");
    assertThat(host.template()).isEqualTo("lookup of <*>");
    assertThat(host.parameterTypes()).containsExactly(VariableType.HOST);
    assertThat(templateOf("mapred.task.id is deprecated. Instead, use mapreduce.task.attempt.id"))
        .isEqualTo("mapred.task.id is deprecated. Instead, use mapreduce.task.attempt.id");
    assertThat(templateOf("running script.py from org.example.job"))
        .isEqualTo("running script.py from org.example.job");
  }
}
