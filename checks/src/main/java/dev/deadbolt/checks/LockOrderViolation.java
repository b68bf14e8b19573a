package dev.deadbolt.checks;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.BugPattern.StandardTags;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import dev.deadbolt.blocking.Chains;
import dev.deadbolt.config.DeadboltConfig;
import dev.deadbolt.engine.DocLinks;
import dev.deadbolt.engine.LockAnalyses;
import dev.deadbolt.engine.LockAnalysisChecker;
import dev.deadbolt.engine.NodeMatchers.ClassMatcher;
import dev.deadbolt.engine.NodeMatchers.MethodInvocationMatcher;
import dev.deadbolt.engine.NodeMatchers.SynchronizedMatcher;
import dev.deadbolt.engine.UnitNodes;
import dev.deadbolt.hierarchy.DeclaredLockOrder;
import dev.deadbolt.hierarchy.LockEdge;
import dev.deadbolt.hierarchy.LockEdges;
import dev.deadbolt.locks.LockSigns;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Reports an acquisition that contradicts the declared lock hierarchy ({@code @LockOrder}, {@code
 * @AcquiredBefore}, {@code @AcquiredAfter}), and bad declarations at the annotation that wrote them.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "LockOrderViolation",
    summary = "A lock is acquired while holding a lock the declared hierarchy puts after it",
    severity = SeverityLevel.WARNING,
    linkType = LinkType.CUSTOM,
    link = DocLinks.BASE + "LockOrderViolation.md",
    tags = StandardTags.CONCURRENCY)
public final class LockOrderViolation extends LockAnalysisChecker
    implements SynchronizedMatcher,
        MethodInvocationMatcher,
        ClassMatcher {

  public LockOrderViolation() {
    super(DeadboltConfig.defaults());
  }

  @Inject
  LockOrderViolation(ErrorProneFlags flags) {
    super(DeadboltConfig.fromFlags(flags));
  }

  @Override
  public Description matchSynchronized(SynchronizedTree tree, VisitorState state) {
    return checkSite(tree, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return checkSite(tree, state);
  }

  private Description checkSite(Tree site, VisitorState state) {
    DeclaredLockOrder order = DeclaredLockOrder.of(state);
    if (order.isEmpty()) {
      return Description.NO_MATCH; // nothing declared: nothing to violate
    }
    LockAnalyses analyses = analyses(state);
    for (LockEdge edge :
        LockEdges.at(state.getPath(), analyses.heldLocks(), analyses.blockingCalls(), state)) {
      Optional<ImmutableList<DeclaredLockOrder.Declaration>> declared =
          order.requiresBefore(edge.acquiredNode(), edge.heldNode());
      if (declared.isPresent()) {
        return finding(site, state).message(message(edge, declared.get(), state)).report();
      }
    }
    return Description.NO_MATCH;
  }

  private static String message(
      LockEdge edge, List<DeclaredLockOrder.Declaration> declared, VisitorState state) {
    ClassTree cls = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    String acquisition =
        edge.via().isEmpty()
            ? "`" + edge.acquired() + "` is acquired"
            : Chains.render(edge.via(), cls == null ? null : ASTHelpers.getSymbol(cls))
                + " acquires `"
                + edge.acquiredNode().display()
                + "`";
    return acquisition
        + " while `"
        + edge.held().displayName()
        + "` is held, but "
        + declared.stream()
            .map(DeclaredLockOrder.Declaration::describe)
            .collect(Collectors.joining(" and "))
        + (declared.size() == 1 ? " puts `" : " put `")
        + edge.acquiredNode().display()
        + "` before `"
        + edge.heldNode().display()
        + "`: a thread that follows the declared order can deadlock with this one";
  }

  // ---- bad declarations, reported at the annotation --------------------------------------------

  /** The class's annotations, and its fields' (a field's annotations are read only if it has some). */
  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    reportProblems(ASTHelpers.getSymbol(tree), tree.getModifiers().getAnnotations(), state);
    for (Tree member : tree.getMembers()) {
      if (member instanceof VariableTree field
          && !field.getModifiers().getAnnotations().isEmpty()
          && ASTHelpers.getSymbol(field) != null) {
        reportProblems(
            ASTHelpers.getSymbol(field),
            field.getModifiers().getAnnotations(),
            state.withPath(new TreePath(state.getPath(), field)));
      }
    }
    return Description.NO_MATCH;
  }

  /**
   * Lock sites are looked at only where a lock order is declared and the file has a sign of a lock;
   * classes and fields always, for the problems of the annotations that declare an order.
   */
  @Override
  protected boolean matchesIn(UnitNodes.Kind kind, CompilationUnitTree unit, VisitorState state) {
    return switch (kind) {
      case SYNCHRONIZED, METHOD_INVOCATION ->
          !DeclaredLockOrder.of(state).isEmpty() && LockSigns.anyInUnit(unit, state.context);
      default -> true;
    };
  }

  @Override
  protected void onCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    super.onCompilationUnit(tree, state);
    if (tree.getPackage() != null && !tree.getPackage().getAnnotations().isEmpty()) {
      reportProblems(
          ASTHelpers.getSymbol(tree.getPackage()), tree.getPackage().getAnnotations(), state);
    }
  }

  private void reportProblems(
      Symbol annotated, List<? extends AnnotationTree> annotations, VisitorState state) {
    if (annotated == null || annotations.isEmpty()) {
      return;
    }
    for (AnnotationTree annotation : annotations) {
      Symbol type = ASTHelpers.getSymbol(annotation.getAnnotationType());
      if (type == null || !type.getQualifiedName().toString().startsWith("dev.deadbolt.annotations.")) {
        continue;
      }
      for (DeclaredLockOrder.Problem problem :
          DeclaredLockOrder.of(state).problemsAt(annotated, type.getSimpleName().toString())) {
        state.reportMatch(
            finding(annotation, state)
                .message("bad @" + problem.annotation() + ": " + problem.message())
                .severity(SeverityLevel.ERROR)
                .report());
      }
    }
  }
}
