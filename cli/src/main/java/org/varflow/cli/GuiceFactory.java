package org.varflow.cli;

import com.google.inject.Injector;
import picocli.CommandLine;

/** Lets picocli create the command classes through the injector, falling back to picocli's own factory. */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type.getName().startsWith("org.varflow.")) {
            return injector.getInstance(type);
        }
        return fallback.create(type);
    }
}
