package ps.takamul.node.config;

/**
 * What a node is for. Both roles run the same program and routes; the role decides which
 * members' providers it hosts and, once federation arrives, where it forwards requests.
 * <ul>
 *   <li>{@code HUB}: the central bus (the ICT ministry's). It can host every member, as the
 *       single-node demo does.</li>
 *   <li>{@code GATEWAY}: a ministry's node in front of its legacy systems; it hosts only its own
 *       member's providers.</li>
 * </ul>
 */
public enum NodeRole {
    HUB, GATEWAY
}
