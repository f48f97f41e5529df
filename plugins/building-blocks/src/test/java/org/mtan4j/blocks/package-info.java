/**
 * Tests of the network building blocks, and what the network plugins' tests share through the test-jar: the
 * NYUv2 task list ({@code Nyuv2Tasks}) and state-dict checks ({@code StateDictChecks}).
 */
package org.mtan4j.blocks;
