package org.kernelnet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the kernelnet SPI version a {@link KernelnetPlugin} was compiled against. Write it as
 * {@code @BuiltForApi(KernelnetApi.VERSION)}: the constant is copied into the plugin's class file at
 * compile time, so the registry can compare it with the version it runs on and refuse a mismatch
 * with both versions and the plugin's jar in the message.
 *
 * <p>The version lives in an annotation rather than a method so that every method of {@link
 * KernelnetPlugin} can stay a {@code default} method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BuiltForApi {
  /** The {@link KernelnetApi#VERSION} the plugin was compiled against, {@code MAJOR.MINOR}. */
  String value();
}
