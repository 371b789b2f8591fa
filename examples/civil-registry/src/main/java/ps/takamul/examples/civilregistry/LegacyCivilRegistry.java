package ps.takamul.examples.civilregistry;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jws.WebService;

/** The registry's behaviour behind the SOAP contract, plus a knob that makes it as slow as the real one can be. */
@WebService(serviceName = "CivilRegistryService", portName = "CivilRegistryPort",
    targetNamespace = CivilRegistry.NAMESPACE,
    endpointInterface = "ps.takamul.examples.civilregistry.CivilRegistry")
public class LegacyCivilRegistry implements CivilRegistry {

    private final Population population;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile long delayMillis;

    public LegacyCivilRegistry(Population population) {
        this.population = population;
    }

    /** Every call waits this long before answering, to let the bus's provider timeouts be tested. */
    public void setDelayMillis(long delayMillis) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative: " + delayMillis);
        }
        this.delayMillis = delayMillis;
    }

    @Override
    public PersonByNationalIdResponse personByNationalId(PersonByNationalIdRequest request) throws RegistryFault {
        simulateLegacyLatency();
        String nationalId = validNationalId(request == null ? null : request.getNationalId());
        Person person = population.byId(nationalId).orElseThrow(() -> RegistryFault.personNotFound(nationalId));
        return new PersonByNationalIdResponse(person);
    }

    @Override
    public FamilyExtractResponse familyExtract(FamilyExtractRequest request) throws RegistryFault {
        simulateLegacyLatency();
        String nationalId = validNationalId(request == null ? null : request.getNationalId());
        Family family = population.familyOf(nationalId).orElseThrow(() -> RegistryFault.personNotFound(nationalId));
        return new FamilyExtractResponse(family);
    }

    private static String validNationalId(String nationalId) throws RegistryFault {
        // Tolerates the whitespace a pretty-printed request puts around the text; nothing else.
        String trimmed = nationalId == null ? null : nationalId.strip();
        if (!NationalId.isValid(trimmed)) {
            throw RegistryFault.invalidNationalId(nationalId);
        }
        return trimmed;
    }

    /** Cuts short the calls that are still waiting out their delay, so that stopping never waits for them. */
    void close() {
        closed.countDown();
    }

    // Blocking the request thread is exactly how a slow legacy back end behaves.
    private void simulateLegacyLatency() {
        long delay = delayMillis;
        if (delay > 0) {
            try {
                closed.await(delay, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
