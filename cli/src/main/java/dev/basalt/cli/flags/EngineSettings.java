package dev.basalt.cli.flags;

import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.core.SyncMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the engine flags say.
 *
 * @param rpc {@code --l2-engine-rpc}, null when not given
 * @param jwt the secret's source: the file, the hex, or kona's {@code ./l2_jwt.hex} created if
 *     missing when neither is given
 * @param jwtDefaulted true when neither secret flag was given
 */
public record EngineSettings(URI rpc, JwtSource jwt, boolean jwtDefaulted, Duration timeout, SyncMode syncMode) {
  /** kona's secret file when none is given, read or created in the working directory. */
  public static final Path DEFAULT_JWT_FILE = Path.of("l2_jwt.hex");
}
