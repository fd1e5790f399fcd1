package dev.marquee.model.hollow;

import com.netflix.hollow.core.write.objectmapper.HollowTypeName;

/**
 * One named text field of an element. A list of these rather than a Hollow map keeps
 * reads simple and ordered; names repeat across elements and are stored once as strings.
 */
@HollowTypeName(name = "TextField")
public final class HollowTextField {

	final String name;

	final String value;

	HollowTextField(String name, String value) {
		this.name = name;
		this.value = value;
	}

}
