package org.varflow.cli;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The command's standard error. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@interface Stderr {
}
