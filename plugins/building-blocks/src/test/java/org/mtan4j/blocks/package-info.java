/** Tests of the network building blocks, and {@link org.mtan4j.blocks.EngineTest}, the base of the network plugins' engine tests. */
package org.mtan4j.blocks;
