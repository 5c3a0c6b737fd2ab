/**
 * Fixture classes for {@code org.losseval.ArchitectureRulesTest}, never run: a miniature of the product's
 * package tree in which each class either breaks one architecture rule on purpose or is the one place a rule
 * allows, so the test can prove that every rule of {@code org.losseval.ArchitectureRules} fires on a real
 * violation and spares what it should spare. The rules read bytecode only; none of these classes is loaded.
 * The leaf classes ({@code io.InputError}, {@code format.Printer}, ...) depend on nothing, so that only the
 * one deliberate cycle ({@code gate} and {@code text}) exists between these packages.
 */
package org.losseval.archfixture;
