/**
 * The contract test kit: one abstract JUnit 5 class per extension point. A plugin's test extends the
 * contract of its kind and supplies the provider and small options; the contract checks what every
 * implementation must do. Published as {@code mtan-api}'s test-jar (type {@code test-jar}).
 */
package org.mtan4j.api.contract;
