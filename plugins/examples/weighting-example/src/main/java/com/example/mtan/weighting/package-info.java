/**
 * An example third-party weighting for mtan4j: one provider, one weighting, registered in
 * {@code META-INF/services/org.mtan4j.api.WeightingProvider} and tested with the API's
 * {@code WeightingContract}.
 */
package com.example.mtan.weighting;
