#!/usr/bin/env bash
# Posts an example delivery to the ingestion service, signed the way its CMS signs it.
#   ./post.sh marquee    native/page-publish.json
#   ./post.sh contentful contentful/entry-publish.json ContentManagement.Entry.publish
#   ./post.sh sanity     sanity/page-update.json update
#   ./post.sh strapi     strapi/entry-publish.json entry.publish
# Secrets default to the local defaults; INGESTION_URL defaults to http://127.0.0.1:8081.
set -euo pipefail
url=${INGESTION_URL:-http://127.0.0.1:8081}
source=$1
file=$2
extra=${3:-}
now_ms=$(date +%s%3N)
delivery=$(cat /proc/sys/kernel/random/uuid)
case "$source" in
	marquee)
		secret=${MARQUEE_WEBHOOK_SECRET_MARQUEE:-local-marquee-webhook-secret}
		sig=$( { printf '%s.%s.' "$delivery" "$now_ms"; cat "$file"; } | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
		curl -sS -w '\n' -D - -X POST "$url/webhooks/marquee" -H 'Content-Type: application/json' \
			-H "Marquee-Delivery-Id: $delivery" -H "Marquee-Signature: t=$now_ms,v1=$sig" --data-binary @"$file" ;;
	contentful)
		secret=${MARQUEE_WEBHOOK_SECRET_CONTENTFUL:-local-contentful-webhook-secret}
		signed='x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic'
		sig=$( { printf 'POST\n/webhooks/contentful\nx-contentful-signed-headers:%s;x-contentful-timestamp:%s;x-contentful-topic:%s\n' "$signed" "$now_ms" "$extra"; cat "$file"; } \
			| openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
		curl -sS -w '\n' -D - -X POST "$url/webhooks/contentful" -H 'Content-Type: application/vnd.contentful.management.v1+json' \
			-H "X-Contentful-Topic: $extra" -H "X-Contentful-Idempotency-Key: $delivery" \
			-H "x-contentful-signed-headers: $signed" -H "x-contentful-timestamp: $now_ms" -H "x-contentful-signature: $sig" \
			--data-binary @"$file" ;;
	sanity)
		secret=${MARQUEE_WEBHOOK_SECRET_SANITY:-local-sanity-webhook-secret}
		sig=$( { printf '%s.' "$now_ms"; cat "$file"; } | openssl dgst -sha256 -hmac "$secret" -binary | base64 | tr '+/' '-_' | tr -d '=\n')
		curl -sS -w '\n' -D - -X POST "$url/webhooks/sanity" -H 'Content-Type: application/json' \
			-H "sanity-operation: ${extra:-update}" -H "idempotency-key: $delivery" \
			-H "sanity-webhook-signature: t=$now_ms,v1=$sig" --data-binary @"$file" ;;
	strapi)
		token=${MARQUEE_WEBHOOK_TOKEN_STRAPI:-local-strapi-webhook-token}
		curl -sS -w '\n' -D - -X POST "$url/webhooks/strapi" -H 'Content-Type: application/json' \
			-H "X-Strapi-Event: $extra" -H "Authorization: Bearer $token" --data-binary @"$file" ;;
	*)
		echo "unknown source $source (marquee|contentful|sanity|strapi)" >&2; exit 2 ;;
esac
