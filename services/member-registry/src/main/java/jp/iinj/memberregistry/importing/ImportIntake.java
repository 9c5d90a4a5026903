package jp.iinj.memberregistry.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

import jp.iinj.httpapi.core.access.PlatformPrincipal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes an uploaded member list in: spools the body to disk (within the size limit), checks its charset and header,
 * records the import and hands the file to the {@link ImportRunner}. A file that is refused, fails or is abandoned
 * before the runner took it is deleted.
 */
@Component
class ImportIntake {

    private static final Logger log = LoggerFactory.getLogger(ImportIntake.class);

    private final MemberImports imports;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final Clock clock;

    ImportIntake(MemberImports imports, ImportRunner runner, ImportSettings settings, Clock clock) {
        this.imports = imports;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param contentType   the request's {@code Content-Type}: decides the charset
     * @param contentLength the declared length, or -1: a larger declaration is refused before reading
     * @return the import as started, its rows then imported in the background
     */
    Mono<MemberImport> accept(Flux<DataBuffer> body, String contentType, long contentLength, PlatformPrincipal caller,
                              String correlationId) {
        ImportCharset charset = ImportCharset.ofContentType(contentType);
        if (contentLength > settings.maxSize().toBytes()) {
            return Mono.error(SpooledImportFile.tooLarge(settings.maxSize()));
        }
        String id = UUID.randomUUID().toString();
        Path path = settings.spoolFileOf(id);
        AtomicBoolean handedOver = new AtomicBoolean();
        return Mono.fromCallable(() -> SpooledImportFile.create(path, charset)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> SpooledImportFile.spool(body, path, settings.maxSize())
                        .flatMap(bytes -> started(id, file, bytes, caller, correlationId, handedOver)))
                // refused, failed or abandoned by the client before the runner took the file: nobody needs it
                .doFinally(signal -> {
                    if (!handedOver.get()) {
                        delete(path);
                    }
                });
    }

    /** Checks the spooled file, records the import and hands the file to the runner. */
    private Mono<MemberImport> started(String id, SpooledImportFile file, long bytes, PlatformPrincipal caller,
                                       String correlationId, AtomicBoolean handedOver) {
        return Mono.fromCallable(file::checkedHeader).subscribeOn(Schedulers.boundedElastic())
                .flatMap(header -> imports.create(MemberImport.started(id, ImportScope.of(caller),
                                file.charset().label(), bytes, correlationId, clock.instant()))
                        .doOnNext(started -> {
                            runner.start(started, file, header);
                            handedOver.set(true);
                        }));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the refused import {}", file, e);
        }
    }
}
