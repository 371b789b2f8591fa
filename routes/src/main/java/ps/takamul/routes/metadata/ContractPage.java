package ps.takamul.routes.metadata;

import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.ServiceDescription;
import ps.takamul.core.identifier.IdentifierException;
import ps.takamul.core.identifier.ServiceId;
import ps.takamul.core.protocol.ErrorCode;
import ps.takamul.core.protocol.TakamulException;

/**
 * A service's interface document as linked from the catalogue page,
 * {@code GET /catalogue/contracts/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE[/VERSION]}. Public, like
 * the page: it describes an interface and holds no data; the agreement-bound way in for client
 * systems is getOpenAPI and getWsdl.
 */
final class ContractPage implements Processor {
    static final String PATH = CataloguePage.PATH + "/contracts";

    private final Supplier<Catalogue> catalogue;
    private final ContractDocuments contracts;

    ContractPage(Supplier<Catalogue> catalogue, ContractDocuments contracts) {
        this.catalogue = catalogue;
        this.contracts = contracts;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        MetadataAnswers.requireGet(in, "a contract document");
        String path = MetadataAnswers.path(in);
        int start = path.indexOf(PATH + "/");
        ServiceId id;
        try {
            id = ServiceId.parse(start < 0 ? "" : path.substring(start + PATH.length() + 1));
        } catch (IdentifierException e) {
            throw new TakamulException(ErrorCode.INVALID_IDENTIFIER, e.getMessage());
        }
        ServiceDescription service = catalogue.get().service(id).orElseThrow(() -> new TakamulException(
                ErrorCode.UNKNOWN_SERVICE, "no service " + id + " in the catalogue"));
        ContractDocuments.Contract contract = contracts.required(service);
        // Browsers offer YAML for download; as plain text it opens in the tab, as a reader expects.
        String type = contract.mediaType().startsWith("text/yaml") ? "text/plain; charset=UTF-8" : contract.mediaType();
        MetadataAnswers.answer(exchange, type, contract.content()).setHeader("X-Content-Type-Options", "nosniff");
    }
}
