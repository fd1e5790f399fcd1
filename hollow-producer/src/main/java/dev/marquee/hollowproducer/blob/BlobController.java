package dev.marquee.hollowproducer.blob;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.marquee.model.hollow.remote.HttpBlobRetriever;

/**
 * Serves the blob store to Hollow consumers on other hosts ({@link HttpBlobRetriever}).
 */
@RestController
@RequestMapping("/v1/blobs")
@Tag(name = "blobs", description = "Hollow snapshots, deltas and reverse deltas (role SERVICE; they contain drafts)")
class BlobController {

	private final BlobStore store;

	BlobController(BlobStore store) {
		this.store = store;
	}

	@Operation(summary = "The snapshot with the highest version at or before the given one")
	@GetMapping("/snapshot")
	ResponseEntity<Resource> snapshot(@RequestParam long version) {
		return serve(this.store.snapshotAtOrBefore(version));
	}

	@Operation(summary = "The delta from the given version to the next")
	@GetMapping("/delta")
	ResponseEntity<Resource> delta(@RequestParam long from) {
		return serve(this.store.deltaFrom(from));
	}

	@Operation(summary = "The reverse delta from the given version to the previous one")
	@GetMapping("/reverse-delta")
	ResponseEntity<Resource> reverseDelta(@RequestParam long from) {
		return serve(this.store.reverseDeltaFrom(from));
	}

	@Operation(summary = "The header blob (schemas and tags) of a version")
	@GetMapping("/header")
	ResponseEntity<Resource> header(@RequestParam long version) {
		return serve(this.store.header(version));
	}

	private static ResponseEntity<Resource> serve(Optional<StoredBlob> blob) {
		// a blob may be cleaned between lookup and read; then it is as good as absent
		if (blob.isEmpty() || !blob.get().file().toFile().isFile()) {
			throw new BlobNotFound();
		}
		StoredBlob found = blob.get();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpBlobRetriever.VERSION_FROM_HEADER, Long.toString(found.from()))
			.header(HttpBlobRetriever.VERSION_TO_HEADER, Long.toString(found.to()))
			.body(new FileSystemResource(found.file()));
	}

}
