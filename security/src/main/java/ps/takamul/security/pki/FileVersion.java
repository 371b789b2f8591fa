package ps.takamul.security.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Which version of a file is on disk, cheaply: one stat. The CA writes its index and CRLs by
 * atomic rename, so a new version shows as another file (inode), time or size; readers that keep
 * a parsed copy compare versions instead of re-reading on every use.
 */
public record FileVersion(FileTime modified, long size, Object fileKey) {

    /** @throws java.nio.file.NoSuchFileException when the file is missing */
    public static FileVersion of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileVersion(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }
}
