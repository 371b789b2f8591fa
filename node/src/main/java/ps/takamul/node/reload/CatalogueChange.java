package ps.takamul.node.reload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import ps.takamul.core.agreement.DataSharingAgreement;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;

/**
 * What a new catalogue changes against the one in force: services and agreements added, removed
 * or changed, by id. It is what the audit record and the operator's summary say.
 */
record CatalogueChange(Set<String> servicesAdded, Set<String> servicesRemoved, Set<String> servicesChanged,
                       Set<String> agreementsAdded, Set<String> agreementsRemoved, Set<String> agreementsChanged) {

    static CatalogueChange between(Catalogue before, Catalogue after) {
        Map<String, ServiceDescription> oldServices = byId(before.services(), s -> s.id().toString());
        Map<String, ServiceDescription> newServices = byId(after.services(), s -> s.id().toString());
        Map<String, DataSharingAgreement> oldAgreements = byId(before.agreements().all(), DataSharingAgreement::id);
        Map<String, DataSharingAgreement> newAgreements = byId(after.agreements().all(), DataSharingAgreement::id);
        return new CatalogueChange(added(oldServices, newServices), added(newServices, oldServices),
                changed(oldServices, newServices), added(oldAgreements, newAgreements),
                added(newAgreements, oldAgreements), changed(oldAgreements, newAgreements));
    }

    boolean isEmpty() {
        return servicesAdded.isEmpty() && servicesRemoved.isEmpty() && servicesChanged.isEmpty()
                && agreementsAdded.isEmpty() && agreementsRemoved.isEmpty() && agreementsChanged.isEmpty();
    }

    /** Only the non-empty parts, e.g. {@code services.changed=PS/GOV/TEST/provider/echo/v1}. */
    Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "services.added", servicesAdded);
        put(details, "services.removed", servicesRemoved);
        put(details, "services.changed", servicesChanged);
        put(details, "agreements.added", agreementsAdded);
        put(details, "agreements.removed", agreementsRemoved);
        put(details, "agreements.changed", agreementsChanged);
        return details;
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "no service or agreement changed";
        }
        StringBuilder text = new StringBuilder();
        details().forEach((what, ids) -> text.append(text.length() == 0 ? "" : "; ").append(what).append(": ").append(ids));
        return text.toString();
    }

    private static void put(Map<String, String> details, String key, Set<String> ids) {
        if (!ids.isEmpty()) {
            details.put(key, String.join(", ", ids));
        }
    }

    private static <T> Map<String, T> byId(Iterable<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    /** Ids in {@code after} but not in {@code before}. */
    private static Set<String> added(Map<String, ?> before, Map<String, ?> after) {
        Set<String> ids = new TreeSet<>(after.keySet());
        ids.removeAll(before.keySet());
        return ids;
    }

    private static Set<String> changed(Map<String, ?> before, Map<String, ?> after) {
        Set<String> ids = new TreeSet<>();
        before.forEach((id, old) -> {
            Object now = after.get(id);
            if (now != null && !Objects.equals(old, now)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
