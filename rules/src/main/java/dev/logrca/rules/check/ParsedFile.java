package dev.logrca.rules.check;

import dev.logrca.rules.RulePack;
import org.drools.drl.ast.descr.PackageDescr;

/** A rule file with its descriptor tree (Drools' own parse) and its source text. */
record ParsedFile(RulePack.RuleFile file, PackageDescr descr, SourceText source) {}
