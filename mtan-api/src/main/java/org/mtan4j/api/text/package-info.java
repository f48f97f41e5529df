/**
 * Wording shared by error messages: lists of problems capped at a readable length, and "did you mean"
 * suggestions for a mistyped name.
 */
package org.mtan4j.api.text;
