package dev.deadbolt.engine;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import java.util.EnumSet;
import java.util.Map;

/**
 * The node kinds a Deadbolt check matches, as Error Prone's {@code BugChecker.*TreeMatcher} interfaces
 * do, but called by {@link DeadboltChecker} from one shared scan per file ({@link UnitNodes}).
 *
 * <p>Why not Error Prone's interfaces: Error Prone calls every matcher of a kind at every node of that
 * kind, each call with its own suppression check, timer and {@code VisitorState}. Deadbolt's checks
 * match the most common kind (method calls) and do nothing at almost all of them;
 * that per-call machinery cost as much as the checks themselves. Deadbolt decides suppression itself
 * ({@link Finding#report()}), so nothing is lost.
 */
public final class NodeMatchers {
  private NodeMatchers() {}

  public interface MethodInvocationMatcher {
    Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state);
  }

  public interface NewClassMatcher {
    Description matchNewClass(NewClassTree tree, VisitorState state);
  }

  public interface MemberReferenceMatcher {
    Description matchMemberReference(MemberReferenceTree tree, VisitorState state);
  }

  public interface MethodMatcher {
    Description matchMethod(MethodTree tree, VisitorState state);
  }

  public interface CatchMatcher {
    Description matchCatch(CatchTree tree, VisitorState state);
  }

  public interface SynchronizedMatcher {
    Description matchSynchronized(SynchronizedTree tree, VisitorState state);
  }

  public interface WhileLoopMatcher {
    Description matchWhileLoop(WhileLoopTree tree, VisitorState state);
  }

  public interface DoWhileLoopMatcher {
    Description matchDoWhileLoop(DoWhileLoopTree tree, VisitorState state);
  }

  public interface ForLoopMatcher {
    Description matchForLoop(ForLoopTree tree, VisitorState state);
  }

  public interface AnnotationMatcher {
    Description matchAnnotation(AnnotationTree tree, VisitorState state);
  }

  public interface ClassMatcher {
    Description matchClass(ClassTree tree, VisitorState state);
  }

  /** Which interface matches which kind. */
  private static final Map<Class<?>, UnitNodes.Kind> KINDS =
      Map.ofEntries(
          Map.entry(MethodInvocationMatcher.class, UnitNodes.Kind.METHOD_INVOCATION),
          Map.entry(NewClassMatcher.class, UnitNodes.Kind.NEW_CLASS),
          Map.entry(MemberReferenceMatcher.class, UnitNodes.Kind.MEMBER_REFERENCE),
          Map.entry(MethodMatcher.class, UnitNodes.Kind.METHOD),
          Map.entry(CatchMatcher.class, UnitNodes.Kind.CATCH),
          Map.entry(SynchronizedMatcher.class, UnitNodes.Kind.SYNCHRONIZED),
          Map.entry(WhileLoopMatcher.class, UnitNodes.Kind.WHILE_LOOP),
          Map.entry(DoWhileLoopMatcher.class, UnitNodes.Kind.DO_WHILE_LOOP),
          Map.entry(ForLoopMatcher.class, UnitNodes.Kind.FOR_LOOP),
          Map.entry(AnnotationMatcher.class, UnitNodes.Kind.ANNOTATION),
          Map.entry(ClassMatcher.class, UnitNodes.Kind.CLASS));

  /** The kinds {@code check} matches. */
  static EnumSet<UnitNodes.Kind> kindsOf(Object check) {
    EnumSet<UnitNodes.Kind> kinds = EnumSet.noneOf(UnitNodes.Kind.class);
    KINDS.forEach(
        (matcher, kind) -> {
          if (matcher.isInstance(check)) {
            kinds.add(kind);
          }
        });
    return kinds;
  }

  /** Calls {@code check}'s matcher for {@code tree}, a node of {@code kind}, which it matches. */
  static Description match(Object check, UnitNodes.Kind kind, Tree tree, VisitorState state) {
    return switch (kind) {
      case METHOD_INVOCATION ->
          ((MethodInvocationMatcher) check).matchMethodInvocation((MethodInvocationTree) tree, state);
      case NEW_CLASS -> ((NewClassMatcher) check).matchNewClass((NewClassTree) tree, state);
      case MEMBER_REFERENCE ->
          ((MemberReferenceMatcher) check).matchMemberReference((MemberReferenceTree) tree, state);
      case METHOD -> ((MethodMatcher) check).matchMethod((MethodTree) tree, state);
      case CATCH -> ((CatchMatcher) check).matchCatch((CatchTree) tree, state);
      case SYNCHRONIZED -> ((SynchronizedMatcher) check).matchSynchronized((SynchronizedTree) tree, state);
      case WHILE_LOOP -> ((WhileLoopMatcher) check).matchWhileLoop((WhileLoopTree) tree, state);
      case DO_WHILE_LOOP -> ((DoWhileLoopMatcher) check).matchDoWhileLoop((DoWhileLoopTree) tree, state);
      case FOR_LOOP -> ((ForLoopMatcher) check).matchForLoop((ForLoopTree) tree, state);
      case ANNOTATION -> ((AnnotationMatcher) check).matchAnnotation((AnnotationTree) tree, state);
      case CLASS -> ((ClassMatcher) check).matchClass((ClassTree) tree, state);
    };
  }
}
