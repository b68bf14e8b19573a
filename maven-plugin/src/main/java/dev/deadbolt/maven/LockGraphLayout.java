package dev.deadbolt.maven;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a lock graph out with Eclipse ELK's layered algorithm (layers follow the acquisition order, so
 * a cycle shows as the edges that point back), sizing boxes and labels for a monospace font.
 */
final class LockGraphLayout {
  /** Width of one character of the drawing's 12px monospace font, and a line's height. */
  static final double CHAR_WIDTH = 7.3;
  static final double LINE_HEIGHT = 16;
  private static final double NODE_PADDING = 12;
  private static final double NODE_HEIGHT = 30;

  record Point(double x, double y) {}

  record Box(double x, double y, double width, double height) {}

  record PlacedLock(LockGraph.Lock lock, Box box) {}

  /** The edge's route from the held lock to the acquired one, and where its label goes. */
  record PlacedEdge(LockGraph.Edge edge, List<Point> route, Box label, String labelText) {}

  record Placed(double width, double height, List<PlacedLock> locks, List<PlacedEdge> edges) {}

  static {
    // Outside Eclipse nothing registers the algorithm; the service ignores a second registration.
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private LockGraphLayout() {}

  static Placed layout(LockGraph graph) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(12));

    Map<String, ElkNode> nodes = new HashMap<>();
    for (LockGraph.Lock lock : graph.locks()) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier(lock.name());
      node.setDimensions(textWidth(lock.label()) + 2 * NODE_PADDING, NODE_HEIGHT);
      nodes.put(lock.name(), node);
    }
    Map<ElkEdge, LockGraph.Edge> edges = new HashMap<>();
    Map<ElkEdge, String> labels = new HashMap<>();
    List<ElkEdge> order = new ArrayList<>();
    for (LockGraph.Edge edge : graph.edges()) {
      ElkEdge elk = ElkGraphUtil.createSimpleEdge(nodes.get(edge.held()), nodes.get(edge.acquired()));
      String text = edgeLabel(edge);
      ElkLabel label = ElkGraphUtil.createLabel(text, elk);
      label.setDimensions(textWidth(text), LINE_HEIGHT);
      label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
      edges.put(elk, edge);
      labels.put(elk, text);
      order.add(elk);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    List<PlacedLock> placedLocks = new ArrayList<>();
    for (LockGraph.Lock lock : graph.locks()) {
      ElkNode node = nodes.get(lock.name());
      placedLocks.add(
          new PlacedLock(lock, new Box(node.getX(), node.getY(), node.getWidth(), node.getHeight())));
    }
    List<PlacedEdge> placedEdges = new ArrayList<>();
    for (ElkEdge elk : order) {
      List<Point> route = new ArrayList<>();
      for (ElkEdgeSection section : elk.getSections()) {
        route.add(new Point(section.getStartX(), section.getStartY()));
        for (ElkBendPoint bend : section.getBendPoints()) {
          route.add(new Point(bend.getX(), bend.getY()));
        }
        route.add(new Point(section.getEndX(), section.getEndY()));
      }
      ElkLabel label = elk.getLabels().get(0);
      placedEdges.add(
          new PlacedEdge(
              edges.get(elk),
              route,
              new Box(label.getX(), label.getY(), label.getWidth(), label.getHeight()),
              labels.get(elk)));
    }
    return new Placed(root.getWidth(), root.getHeight(), placedLocks, placedEdges);
  }

  /** The first place that takes the locks in this order, and how many more there are. */
  static String edgeLabel(LockGraph.Edge edge) {
    String first = edge.sites().get(0).label();
    return edge.sites().size() == 1 ? first : first + " +" + (edge.sites().size() - 1);
  }

  static double textWidth(String text) {
    return Math.ceil(text.length() * CHAR_WIDTH);
  }
}
