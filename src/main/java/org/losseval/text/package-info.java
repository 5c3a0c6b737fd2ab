/**
 * Text shared by every layer: {@link org.losseval.text.Numbers}, the one routine that turns numbers into
 * text (loss specs, figure names, gates, reports, the man page and listings all call it), and close-match
 * suggestions. Depends on nothing but the JDK, so any package may use it.
 */
package org.losseval.text;
