/** Small text helpers shared by several layers (close-match suggestions). Depends on nothing but the JDK. */
package org.losseval.text;
