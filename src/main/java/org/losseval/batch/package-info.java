/**
 * The column batch: rows of one source stored as primitive arrays. Depends on nothing but the JDK, so
 * any producer (a file reader, a Spark partition) can fill one.
 */
package org.losseval.batch;
