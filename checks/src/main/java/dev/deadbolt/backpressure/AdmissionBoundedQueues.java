package dev.deadbolt.backpressure;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.ElementKind;

/**
 * A private queue field whose every insertion is admitted by a count: each {@code add}, {@code offer},
 * {@code put}, {@code push} (and their deque and transfer forms) in the class sits in a branch whose
 * condition compares a count ({@code total.incrementAndGet() <= max}, {@code size() < limit}, {@code
 * count < max}; or follows an {@code if} on one that leaves), or re-inserts an element the branch checked
 * is absent ({@code if (!idle.contains(c)) idle.add(c)}), and at least one is admitted by a count. Such
 * a queue is bounded by its admission, however it was constructed.
 *
 * <p>A count is a {@code size()} call, a call on an atomic field or local ({@code
 * java.util.concurrent.atomic}), a mutable numeric field, or a local initialised with one of those.
 * Besides calling methods on the field, the class may iterate it, lock its monitor, and hand it to a
 * private method of the class that does only those with it; anything else (passing it elsewhere,
 * returning it, assigning it anything but a new object) lets code elsewhere insert, and the queue is not
 * bounded here.
 * Only the outermost class is read, once, and only for a field whose construction would be reported.
 */
public final class AdmissionBoundedQueues {
  private static final ImmutableSet<String> INSERTIONS =
      ImmutableSet.of(
          "add",
          "addFirst",
          "addLast",
          "addAll",
          "offer",
          "offerFirst",
          "offerLast",
          "put",
          "putFirst",
          "putLast",
          "push",
          "transfer",
          "tryTransfer");

  /** How an insertion is guarded; the better guard wins. */
  private enum Guard {
    NONE,
    ABSENT_ELEMENT,
    COUNT;

    Guard or(Guard other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  private AdmissionBoundedQueues() {}

  /** Whether the buffer constructed at {@code state}'s path is stored in such a field. */
  public static boolean isAdmissionBounded(VisitorState state) {
    VarSymbol field = fieldStoring(state.getPath());
    if (field == null || (field.flags() & Flags.PRIVATE) == 0) {
      return false; // other classes may insert into a non-private one
    }
    TreePath outermost = null;
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        outermost = p;
      }
    }
    if (outermost == null) {
      return false;
    }
    Uses uses = new Uses(field, (ClassTree) outermost.getLeaf());
    uses.scan(outermost, null);
    return !uses.unbounded && uses.countGuarded;
  }

  /** The field a construction is the initializer of, or is assigned to; null for anything else. */
  private static VarSymbol fieldStoring(TreePath created) {
    Tree value = created.getLeaf();
    TreePath parent = created.getParentPath();
    while (parent != null && parent.getLeaf() instanceof ParenthesizedTree) {
      value = parent.getLeaf();
      parent = parent.getParentPath();
    }
    Symbol symbol = null;
    if (parent != null
        && parent.getLeaf() instanceof VariableTree variable
        && variable.getInitializer() == value) {
      symbol = ASTHelpers.getSymbol(variable);
    } else if (parent != null
        && parent.getLeaf() instanceof AssignmentTree assignment
        && assignment.getExpression() == value) {
      symbol = ASTHelpers.getSymbol(assignment.getVariable());
    }
    return symbol instanceof VarSymbol var && var.getKind() == ElementKind.FIELD ? var : null;
  }

  /** Every use of the field in the class, each classified as it is met. */
  private static final class Uses extends TreePathScanner<Void, Void> {
    private final VarSymbol field;
    /** The initializers of the locals met so far: a count may be read into one first. */
    private final Map<VarSymbol, ExpressionTree> locals = new HashMap<>();

    private final ClassTree outermost;

    boolean unbounded;
    boolean countGuarded;

    Uses(VarSymbol field, ClassTree outermost) {
      this.field = field;
      this.outermost = outermost;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      return unbounded ? null : super.scan(tree, unused);
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      VarSymbol var = ASTHelpers.getSymbol(node);
      if (var != null && var.getKind() == ElementKind.LOCAL_VARIABLE && node.getInitializer() != null) {
        locals.put(var, node.getInitializer());
      }
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      if (ASTHelpers.getSymbol(node) == field) {
        use(getCurrentPath());
      }
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      if (ASTHelpers.getSymbol(node) == field) {
        use(getCurrentPath());
        return null;
      }
      return super.visitMemberSelect(node, unused);
    }

    private void use(TreePath path) {
      Tree leaf = path.getLeaf();
      TreePath parent = path.getParentPath();
      if (parent.getLeaf() instanceof AssignmentTree assignment && assignment.getVariable() == leaf) {
        // A new queue of its own; any other value may be shared with code that inserts.
        unbounded |= !(strip(assignment.getExpression()) instanceof NewClassTree);
      } else if (parent.getLeaf() instanceof MemberSelectTree select
          && parent.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        if (INSERTIONS.contains(select.getIdentifier().toString())) {
          Guard guard = guardOf(parent.getParentPath(), call);
          unbounded |= guard == Guard.NONE;
          countGuarded |= guard == Guard.COUNT;
        }
      } else if (parent.getLeaf() instanceof MemberReferenceTree reference) {
        unbounded |= INSERTIONS.contains(reference.getName().toString()); // idle::add, unguarded
      } else if (parent.getLeaf() instanceof EnhancedForLoopTree loop && loop.getExpression() == leaf) {
        // iterated: nothing inserted
      } else if (parent.getLeaf() instanceof ParenthesizedTree
          && parent.getParentPath().getLeaf() instanceof SynchronizedTree) {
        // its monitor taken: nothing inserted
      } else if (parent.getLeaf() instanceof MethodInvocationTree call
          && call.getArguments().contains(leaf)) {
        // Handed to a private method of the class that only reads it: nothing inserted there.
        unbounded |= !onlyReads(call, call.getArguments().indexOf(leaf));
      } else {
        unbounded = true; // passed, returned, aliased: inserted into elsewhere
      }
    }

    /**
     * Whether the method {@code call} invokes is a private method of the class whose parameter at
     * {@code index} is only read: iterated, locked, or the receiver of calls that do not insert.
     */
    private boolean onlyReads(MethodInvocationTree call, int index) {
      MethodSymbol callee = ASTHelpers.getSymbol(call);
      if (callee == null
          || !callee.isPrivate()
          || callee.isVarArgs()
          || index >= callee.getParameters().size()) {
        return false;
      }
      MethodTree declaration = declarationOf(callee, outermost);
      if (declaration == null || declaration.getBody() == null) {
        return false;
      }
      VarSymbol parameter = callee.getParameters().get(index);
      boolean[] reads = {true};
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          if (ASTHelpers.getSymbol(node) == parameter) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            Tree grandparent = getCurrentPath().getParentPath().getParentPath().getLeaf();
            boolean read =
                (parent instanceof MemberSelectTree select
                        && grandparent instanceof MethodInvocationTree
                        && !INSERTIONS.contains(select.getIdentifier().toString()))
                    || (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == node)
                    || (parent instanceof ParenthesizedTree && grandparent instanceof SynchronizedTree);
            reads[0] &= read;
          }
          return null;
        }
      }.scan(new TreePath(new TreePath(getCurrentPath().getCompilationUnit()), declaration), null);
      return reads[0];
    }

    private static MethodTree declarationOf(MethodSymbol method, ClassTree outermost) {
      MethodTree[] found = {null};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree node, Void unused) {
          if (ASTHelpers.getSymbol(node) == method) {
            found[0] = node;
            return null;
          }
          return super.visitMethod(node, unused);
        }
      }.scan(outermost, null);
      return found[0];
    }

    /** The best guard around the insertion at {@code path}, up to its method, lambda or class. */
    private Guard guardOf(TreePath path, MethodInvocationTree insertion) {
      Guard best = Guard.NONE;
      Tree child = path.getLeaf();
      for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
        Tree t = p.getLeaf();
        if (t instanceof MethodTree || t instanceof LambdaExpressionTree || t instanceof ClassTree) {
          break;
        }
        if (t instanceof IfTree branch) {
          if (child == branch.getThenStatement()) {
            best = best.or(condition(branch.getCondition(), true, insertion));
          } else if (child == branch.getElseStatement()) {
            best = best.or(condition(branch.getCondition(), false, insertion));
          }
        } else if (t instanceof ConditionalExpressionTree choice) {
          if (child == choice.getTrueExpression()) {
            best = best.or(condition(choice.getCondition(), true, insertion));
          } else if (child == choice.getFalseExpression()) {
            best = best.or(condition(choice.getCondition(), false, insertion));
          }
        } else if (t instanceof BinaryTree binary && child == binary.getRightOperand()) {
          if (binary.getKind() == Tree.Kind.CONDITIONAL_AND) {
            best = best.or(condition(binary.getLeftOperand(), true, insertion));
          } else if (binary.getKind() == Tree.Kind.CONDITIONAL_OR) {
            best = best.or(condition(binary.getLeftOperand(), false, insertion));
          }
        } else if (t instanceof BlockTree block) {
          // if (count.incrementAndGet() > max) { return false; } ... insertion
          for (StatementTree statement : block.getStatements()) {
            if (statement == child) {
              break;
            }
            if (statement instanceof IfTree early
                && early.getElseStatement() == null
                && leaves(early.getThenStatement())) {
              best = best.or(condition(early.getCondition(), false, insertion));
            }
          }
        }
        if (best == Guard.COUNT) {
          return best;
        }
      }
      return best;
    }

    /** What {@code condition} guarantees when it evaluates to {@code holds}. */
    private Guard condition(ExpressionTree condition, boolean holds, MethodInvocationTree insertion) {
      ExpressionTree e = strip(condition);
      switch (e.getKind()) {
        case LOGICAL_COMPLEMENT:
          return condition(((UnaryTree) e).getExpression(), !holds, insertion);
        case CONDITIONAL_AND:
        case CONDITIONAL_OR:
          BinaryTree both = (BinaryTree) e;
          // Only a && that holds, or a || that fails, vouches for each of its operands.
          if (holds == (e.getKind() == Tree.Kind.CONDITIONAL_AND)) {
            return condition(both.getLeftOperand(), holds, insertion)
                .or(condition(both.getRightOperand(), holds, insertion));
          }
          return Guard.NONE;
        case LESS_THAN:
        case LESS_THAN_EQUAL:
        case GREATER_THAN:
        case GREATER_THAN_EQUAL:
          BinaryTree comparison = (BinaryTree) e;
          return isCount(comparison.getLeftOperand()) || isCount(comparison.getRightOperand())
              ? Guard.COUNT
              : Guard.NONE;
        default:
          return !holds && isAbsenceCheck(e, insertion) ? Guard.ABSENT_ELEMENT : Guard.NONE;
      }
    }

    /** {@code field.contains(x)}, where the insertion inserts that same {@code x}. */
    private boolean isAbsenceCheck(ExpressionTree e, MethodInvocationTree insertion) {
      if (!(e instanceof MethodInvocationTree contains)
          || !(contains.getMethodSelect() instanceof MemberSelectTree select)
          || !select.getIdentifier().contentEquals("contains")
          || ASTHelpers.getSymbol(select.getExpression()) != field
          || contains.getArguments().size() != 1
          || insertion.getArguments().isEmpty()) {
        return false;
      }
      Symbol checked = ASTHelpers.getSymbol(strip(contains.getArguments().get(0)));
      return checked instanceof VarSymbol
          && checked == ASTHelpers.getSymbol(strip(insertion.getArguments().get(0)));
    }

    private boolean isCount(ExpressionTree operand) {
      ExpressionTree e = strip(operand);
      if (e instanceof UnaryTree unary) {
        e = strip(unary.getExpression()); // ++count, count--, -x
      }
      if (e instanceof MethodInvocationTree call) {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        return call.getMethodSelect() instanceof MemberSelectTree select
                && select.getIdentifier().contentEquals("size")
            || receiver != null && isAtomic(ASTHelpers.getType(receiver));
      }
      if (!(ASTHelpers.getSymbol(e) instanceof VarSymbol var)) {
        return false;
      }
      if (var.getKind() == ElementKind.FIELD) {
        return (var.flags() & Flags.FINAL) == 0 && var.type.isPrimitive();
      }
      ExpressionTree initializer = locals.get(var);
      return initializer != null && isCount(initializer);
    }
  }

  private static boolean isAtomic(Type type) {
    return type != null
        && type.tsym != null
        && type.tsym.getQualifiedName().toString().startsWith("java.util.concurrent.atomic.");
  }

  /** The statement always leaves: it returns, throws, breaks or continues, or its block ends so. */
  private static boolean leaves(StatementTree statement) {
    if (statement instanceof BlockTree block) {
      return !block.getStatements().isEmpty()
          && leaves(block.getStatements().get(block.getStatements().size() - 1));
    }
    return switch (statement.getKind()) {
      case RETURN, THROW, BREAK, CONTINUE -> true;
      default -> false;
    };
  }

  private static ExpressionTree strip(ExpressionTree e) {
    while (true) {
      if (e instanceof ParenthesizedTree parenthesized) {
        e = parenthesized.getExpression();
      } else if (e instanceof TypeCastTree cast) {
        e = cast.getExpression();
      } else {
        return e;
      }
    }
  }
}
