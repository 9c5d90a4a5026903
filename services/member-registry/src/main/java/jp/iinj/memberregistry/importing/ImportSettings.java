package jp.iinj.memberregistry.importing;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How bulk imports run ({@code iinj.imports.*}).
 *
 * @param maxSize           the largest CSV body accepted (413 above it); the gateway's limit for the route matches
 * @param spoolDirectory    where uploads are spooled while they are imported; the JVM's temporary directory if unset
 * @param concurrency       rows imported at once per import
 * @param progressEveryRows the status is written after this many rows…
 * @param progressInterval  …or after this long, whichever comes first
 * @param heartbeatInterval a running import touches its status this often even when no row finished
 * @param staleAfter        a RUNNING status not touched for this long belongs to an instance that died: FAILED
 * @param reaperInterval    how often stale imports are looked for
 * @param maxStoredErrors   row errors kept in the status; further ones only set {@code errorsTruncated}
 */
@ConfigurationProperties("iinj.imports")
public record ImportSettings(
        @DefaultValue("64MB") DataSize maxSize,
        Path spoolDirectory,
        @DefaultValue("8") int concurrency,
        @DefaultValue("500") int progressEveryRows,
        @DefaultValue("1s") Duration progressInterval,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("30s") Duration reaperInterval,
        @DefaultValue("1000") int maxStoredErrors) {

    public ImportSettings {
        if (concurrency < 1 || progressEveryRows < 1 || maxStoredErrors < 0 || maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("iinj.imports: concurrency, progress-every-rows and max-size must be "
                    + "positive, max-stored-errors not negative");
        }
        if (!heartbeatInterval.multipliedBy(2).minus(staleAfter).isNegative()) {
            throw new IllegalArgumentException("iinj.imports.stale-after must be more than twice the heartbeat "
                    + "interval, or live imports would be reaped");
        }
        spoolDirectory = spoolDirectory == null ? Path.of(System.getProperty("java.io.tmpdir")) : spoolDirectory;
    }

    /** Where the file of an import is spooled; the id is the service's own UUID, never a client's. */
    Path spoolFileOf(String importId) {
        return spoolDirectory.resolve("member-import-" + importId + ".csv");
    }
}
