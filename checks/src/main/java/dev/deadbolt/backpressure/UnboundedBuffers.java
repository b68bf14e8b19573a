package dev.deadbolt.backpressure;

import static dev.deadbolt.javac.KnownMethod.constructorOfAny;
import static dev.deadbolt.javac.KnownMethod.instanceMethod;
import static dev.deadbolt.javac.KnownMethod.instanceMethodOfAny;
import static dev.deadbolt.javac.KnownMethod.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import dev.deadbolt.javac.Calls;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeKind;

/**
 * Which constructions make a buffer with no capacity bound: the JDK's blocking queues, and the common
 * Guava, Reactor and RxJava buffers, matched by name so Deadbolt never depends on those libraries.
 * Non-concurrent collections ({@code ArrayDeque}, {@code PriorityQueue}) are single-threaded scratch
 * space, not hand-off buffers, and are not considered.
 */
public final class UnboundedBuffers {
  private static final ImmutableList<String> LINKED_BLOCKING =
      ImmutableList.of(
          "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque");

  /** The JDK queues no constructor of which takes a capacity: their put and offer never wait. */
  public static final ImmutableList<String> NEVER_BOUNDED =
      ImmutableList.of(
          "java.util.concurrent.PriorityBlockingQueue",
          "java.util.concurrent.LinkedTransferQueue",
          "java.util.concurrent.DelayQueue");

  private static final String GUAVA_QUEUES = "com.google.common.collect.Queues";
  private static final String REACTOR_FLUX = "reactor.core.publisher.Flux";
  private static final String REACTOR_UNICAST_SPEC = "reactor.core.publisher.Sinks.UnicastSpec";
  private static final String REACTOR_QUEUES = "reactor.util.concurrent.Queues";
  private static final ImmutableList<String> RX_FLOWABLES =
      ImmutableList.of("io.reactivex.rxjava3.core.Flowable", "io.reactivex.Flowable");
  private static final String BUFFER = "onBackpressureBuffer";

  // Every method name matched below, so recognize() can skip the matchers for all other calls.
  private static final ImmutableSet<String> METHOD_NAMES =
      ImmutableSet.of(
          "newLinkedBlockingQueue", "newLinkedBlockingDeque", "newPriorityBlockingQueue", BUFFER);

  // What a recognized call can be written as: a class above (new, Foo::new, or a subclass's super()
  // or this()) or a method above.
  private static final ImmutableSet<String> WRITTEN_NAMES =
      ImmutableSet.<String>builder()
          .addAll(METHOD_NAMES)
          .add("super", "this")
          .addAll(simpleNames(LINKED_BLOCKING))
          .addAll(simpleNames(NEVER_BOUNDED))
          .build();

  private static final Matcher<ExpressionTree> LINKED_BLOCKING_DEFAULT =
      constructorOfAny(LINKED_BLOCKING).withNoParameters();
  private static final Matcher<ExpressionTree> LINKED_BLOCKING_SIZED =
      constructorOfAny(LINKED_BLOCKING).withParameters("int");
  private static final Matcher<ExpressionTree> LINKED_BLOCKING_COPY =
      constructorOfAny(LINKED_BLOCKING).withParameters("java.util.Collection");
  private static final Matcher<ExpressionTree> NEVER_BOUNDED_NEW =
      constructorOfAny(NEVER_BOUNDED);

  private static final Matcher<ExpressionTree> GUAVA_LINKED_DEFAULT =
      staticMethod(GUAVA_QUEUES, "newLinkedBlockingQueue", "newLinkedBlockingDeque")
          .withNoParameters();
  private static final Matcher<ExpressionTree> GUAVA_LINKED_SIZED =
      staticMethod(GUAVA_QUEUES, "newLinkedBlockingQueue", "newLinkedBlockingDeque")
          .withParameters("int");
  private static final Matcher<ExpressionTree> GUAVA_LINKED_COPY =
      staticMethod(GUAVA_QUEUES, "newLinkedBlockingQueue", "newLinkedBlockingDeque")
          .withParameters("java.lang.Iterable");
  private static final Matcher<ExpressionTree> GUAVA_PRIORITY =
      staticMethod(GUAVA_QUEUES, "newPriorityBlockingQueue");

  private static final Matcher<ExpressionTree> FLUX_BUFFER_DEFAULT =
      instanceMethod(REACTOR_FLUX, BUFFER).withNoParameters();
  private static final Matcher<ExpressionTree> FLUX_BUFFER =
      instanceMethod(REACTOR_FLUX, BUFFER);
  // multicast().onBackpressureBuffer() is bounded (Queues.SMALL_BUFFER_SIZE); only unicast's is not.
  private static final Matcher<ExpressionTree> UNICAST_BUFFER_DEFAULT =
      instanceMethod(REACTOR_UNICAST_SPEC, BUFFER).withNoParameters();

  private static final Matcher<ExpressionTree> RX_BUFFER_DEFAULT =
      instanceMethodOfAny(RX_FLOWABLES, BUFFER).withNoParameters();
  private static final Matcher<ExpressionTree> RX_BUFFER_DELAY_ERROR =
      instanceMethodOfAny(RX_FLOWABLES, BUFFER).withParameters("boolean");
  private static final Matcher<ExpressionTree> RX_BUFFER =
      instanceMethodOfAny(RX_FLOWABLES, BUFFER);
  // In onBackpressureBuffer(int capacity, boolean delayError, boolean unbounded, ...), a true third
  // argument turns the capacity into the size of each linked chunk.
  private static final int RX_UNBOUNDED_FLAG = 2;

  private UnboundedBuffers() {}

  /** The unbounded buffer {@code tree} constructs, if it constructs one. */
  public static Optional<UnboundedBuffer> recognize(ExpressionTree tree, VisitorState state) {
    // By the name as written first: most calls and constructions are none of these.
    if (!WRITTEN_NAMES.contains(Calls.simpleName(tree))
        || !(ASTHelpers.getSymbol(tree) instanceof MethodSymbol method)) {
      return Optional.empty();
    }
    List<? extends ExpressionTree> args = arguments(tree);
    String type = method.owner.getSimpleName().toString();

    if (LINKED_BLOCKING_DEFAULT.matches(tree, state)) {
      return found(tree, "a " + type + " with no capacity", fillEmpty(tree));
    }
    if (LINKED_BLOCKING_SIZED.matches(tree, state) && noBound(args, 0)) {
      return found(tree, "a " + type + " with capacity Integer.MAX_VALUE", replace(args.get(0)));
    }
    if (LINKED_BLOCKING_COPY.matches(tree, state)) {
      // No constructor takes both a capacity and initial elements.
      return found(tree, "a " + type + " copied from a collection (so with no capacity)", null);
    }
    if (NEVER_BOUNDED_NEW.matches(tree, state)) {
      return found(tree, "a " + type + " (no capacity can be given)", null);
    }
    if (method.isConstructor()) {
      return Optional.empty();
    }

    String factory = "Queues." + method.getSimpleName() + "()";
    if (GUAVA_LINKED_DEFAULT.matches(tree, state)) {
      return found(tree, factory + " with no capacity", fillEmpty(tree));
    }
    if (GUAVA_LINKED_SIZED.matches(tree, state) && noBound(args, 0)) {
      return found(tree, factory + " with capacity Integer.MAX_VALUE", replace(args.get(0)));
    }
    if (GUAVA_LINKED_COPY.matches(tree, state)) {
      return found(tree, factory + " copied from an iterable (so with no capacity)", null);
    }
    if (GUAVA_PRIORITY.matches(tree, state)) {
      return found(tree, factory + " (no capacity can be given)", null);
    }

    if (FLUX_BUFFER_DEFAULT.matches(tree, state)) {
      return found(
          tree, "the buffer of Flux.onBackpressureBuffer() with no maxSize", fillEmpty(tree));
    }
    if (FLUX_BUFFER.matches(tree, state) && noBound(args, firstIntegral(method))) {
      return found(
          tree,
          "the buffer of Flux.onBackpressureBuffer with maxSize Integer.MAX_VALUE",
          replace(args.get(firstIntegral(method))));
    }
    if (UNICAST_BUFFER_DEFAULT.matches(tree, state)) {
      return found(
          tree,
          "the queue of Sinks.many().unicast().onBackpressureBuffer() with no queue given",
          boundedReactorQueue(tree));
    }

    if (RX_BUFFER_DEFAULT.matches(tree, state)) {
      return found(
          tree, "the buffer of Flowable.onBackpressureBuffer() with no capacity", fillEmpty(tree));
    }
    if (RX_BUFFER_DELAY_ERROR.matches(tree, state) && !args.isEmpty()) {
      ExpressionTree delayError = args.get(0);
      return found(
          tree,
          "the buffer of Flowable.onBackpressureBuffer(delayError) with no capacity",
          (capacity, s) -> Optional.of(SuggestedFix.prefixWith(delayError, capacity + ", ")));
    }
    if (RX_BUFFER.matches(tree, state)) {
      if (args.size() > RX_UNBOUNDED_FLAG
          && Boolean.TRUE.equals(ASTHelpers.constValue(args.get(RX_UNBOUNDED_FLAG)))) {
        return found(tree, "the buffer of Flowable.onBackpressureBuffer with unbounded = true", null);
      }
      if (noBound(args, firstIntegral(method))) {
        return found(
            tree,
            "the buffer of Flowable.onBackpressureBuffer with capacity Integer.MAX_VALUE",
            replace(args.get(firstIntegral(method))));
      }
    }
    return Optional.empty();
  }

  private static ImmutableList<String> simpleNames(List<String> qualifiedNames) {
    return qualifiedNames.stream()
        .map(name -> name.substring(name.lastIndexOf('.') + 1))
        .collect(ImmutableList.toImmutableList());
  }

  private static Optional<UnboundedBuffer> found(
      ExpressionTree tree, String subject, UnboundedBuffer.Bounding bounding) {
    // A constructor reference (LinkedBlockingQueue::new) has no argument list to write into.
    boolean fixable = bounding != null && !(tree instanceof MemberReferenceTree);
    return Optional.of(
        new UnboundedBuffer(subject, fixable ? bounding : UnboundedBuffer.Bounding.NONE));
  }

  private static List<? extends ExpressionTree> arguments(ExpressionTree tree) {
    if (tree instanceof NewClassTree newClass) {
      return newClass.getArguments();
    }
    if (tree instanceof MethodInvocationTree invocation) {
      return invocation.getArguments();
    }
    return List.of(); // a constructor or method reference
  }

  private static boolean noBound(List<? extends ExpressionTree> args, int index) {
    return index >= 0 && index < args.size() && CapacityArguments.isNoBound(args.get(index));
  }

  // Reactor and RxJava put the size first among the int/long parameters of every overload.
  private static int firstIntegral(MethodSymbol method) {
    for (int i = 0; i < method.getParameters().size(); i++) {
      Type type = method.getParameters().get(i).asType();
      if (type.hasTag(TypeTag.INT) || type.hasTag(TypeTag.LONG)) {
        return i;
      }
    }
    return -1;
  }

  private static UnboundedBuffer.Bounding fillEmpty(ExpressionTree call) {
    return (capacity, state) ->
        CapacityArguments.fillEmptyArguments(call, Integer.toString(capacity), state);
  }

  private static UnboundedBuffer.Bounding replace(ExpressionTree capacityArgument) {
    return (capacity, state) ->
        Optional.of(SuggestedFix.replace(capacityArgument, Integer.toString(capacity)));
  }

  // unicast().onBackpressureBuffer(Queues.<T>get(n).get()): the same single-producer,
  // single-consumer queue Reactor would pick, but an array of n slots instead of linked chunks.
  // The element type is spelled out because nothing else would infer it inside the argument.
  private static UnboundedBuffer.Bounding boundedReactorQueue(ExpressionTree call) {
    return (capacity, state) -> {
      Type sinkType = ASTHelpers.getType(call);
      if (sinkType == null || sinkType.getTypeArguments().size() != 1) {
        return Optional.empty();
      }
      Type element = sinkType.getTypeArguments().get(0);
      if (element instanceof Type.CapturedType
          || !(element.getKind() == TypeKind.DECLARED || element.getKind() == TypeKind.TYPEVAR
              || element.getKind() == TypeKind.ARRAY)) {
        return Optional.empty();
      }
      SuggestedFix.Builder fix = SuggestedFix.builder();
      String queues = SuggestedFixes.qualifyType(state, fix, REACTOR_QUEUES);
      String elementName = SuggestedFixes.qualifyType(state, fix, element);
      String queue = queues + ".<" + elementName + ">get(" + capacity + ").get()";
      return CapacityArguments.fillEmptyArguments(call, queue, state)
          .map(insert -> fix.merge(insert.toBuilder()).build());
    };
  }
}
