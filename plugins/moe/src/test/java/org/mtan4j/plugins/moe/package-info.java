/** Tests of the mixture-of-experts and branching backbones: contracts, behaviour, parameter counts. */
package org.mtan4j.plugins.moe;
