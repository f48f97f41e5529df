/**
 * Sweeps: a base run config and a grid of key-path values expanded into one resolved config per run,
 * a manifest and a plain list of configs (for a Slurm job array or Kubernetes indexed Jobs running
 * {@code mtan train CONFIG}); {@code mtan sweep} runs them one after another and skips those whose
 * {@code provenance.json} says finished.
 */
package org.mtan4j.runtime.sweep;
