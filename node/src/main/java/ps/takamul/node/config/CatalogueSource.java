package ps.takamul.node.config;

import java.nio.file.Path;
import java.util.List;
import ps.takamul.core.agreement.AgreementLoader;
import ps.takamul.core.catalogue.Catalogue;
import ps.takamul.core.catalogue.CatalogueException;
import ps.takamul.core.catalogue.CatalogueLoader;

/**
 * Where the node's catalogue comes from: the catalogue folders ({@code takamul.catalogue.dir})
 * and the agreements that govern them ({@code takamul.agreements.dir}), read and checked as one
 * whole. Start-up and reload both go through {@link #load()}, so a change is accepted only if a
 * fresh start would accept it.
 */
public final class CatalogueSource {
    private final List<Path> catalogueFolders;
    private final List<Path> agreementFolders;

    public CatalogueSource(NodeSettings settings) {
        this(settings.getPaths("takamul.catalogue.dir"), settings.getPaths("takamul.agreements.dir"));
    }

    public CatalogueSource(List<Path> catalogueFolders, List<Path> agreementFolders) {
        this.catalogueFolders = List.copyOf(catalogueFolders);
        this.agreementFolders = List.copyOf(agreementFolders);
    }

    /** @throws CatalogueException naming every problem, file by file */
    public Catalogue load() {
        Catalogue catalogue = new CatalogueLoader().load(catalogueFolders);
        return new AgreementLoader().governing(catalogue, agreementFolders);
    }

    public List<Path> catalogueFolders() {
        return catalogueFolders;
    }

    public List<Path> agreementFolders() {
        return agreementFolders;
    }
}
