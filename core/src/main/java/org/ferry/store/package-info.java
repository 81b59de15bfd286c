/** Where Ferry keeps what it knows: the VNF inventory, behind a store interface. */
package org.ferry.store;
