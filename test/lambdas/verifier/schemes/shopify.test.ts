import { createSHA256HMAC } from '@shopify/shopify-api/runtime';
import { describe, expect, it } from 'vitest';
import { shopifyScheme } from '../../../../lambdas/verifier/schemes/shopify.js';
import { check } from '../../../helpers/verifier/check.js';
import { webhookRequest } from '../../../helpers/verifier/request.js';

const secret = 'shopify-client-secret';
// Shopify order ids exceed 2^53; the payload must travel byte-exact.
const body = '{"id":820982911946154508,"email":"jon@example.com","total_price":"199.00"}';

async function fixture(): Promise<Record<string, string>> {
  return {
    // The HMAC routine @shopify/shopify-api's own webhook validation uses.
    'X-Shopify-Hmac-Sha256': await createSHA256HMAC(secret, body),
    'X-Shopify-Topic': 'orders/create',
    'X-Shopify-Webhook-Id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
    'X-Shopify-Shop-Domain': 'example.myshopify.com',
    'X-Shopify-API-Version': '2025-10',
    'Content-Type': 'application/json',
  };
}

describe('shopify scheme', () => {
  it("verifies a signature made by @shopify/shopify-api's HMAC", async () => {
    expect(check(shopifyScheme, webhookRequest(body, await fixture()), [secret]).secretIndex).toBe(0);
  });

  it('signs exactly what Shopify would send', async () => {
    const signed = shopifyScheme.sign({ body: Buffer.from(body), contentType: 'application/json', url: 'https://x', timestamp: 0, id: 'w-1', secret });
    expect(signed.headers['X-Shopify-Hmac-Sha256']).toBe(await createSHA256HMAC(secret, body));
  });

  it('describes the delivery from its headers', async () => {
    const delivery = shopifyScheme.describe(webhookRequest(body, await fixture()));
    expect(delivery).toMatchObject({
      id: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      type: 'orders/create',
      vendorHeaders: { 'x-shopify-shop-domain': 'example.myshopify.com', 'x-shopify-api-version': '2025-10', 'x-shopify-topic': 'orders/create' },
    });
    expect(delivery.payload.bytes.toString()).toContain('820982911946154508');
  });

  it('fails if one byte of the body is tampered with', async () => {
    const request = webhookRequest(body.replace('199.00', '1.00'), await fixture());
    expect(() => check(shopifyScheme, request, [secret])).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the secret is wrong', async () => {
    const request = webhookRequest(body, await fixture());
    expect(() => check(shopifyScheme, request, ['other'])).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('fails if the header holds hex instead of base64', async () => {
    const headers = await fixture();
    headers['X-Shopify-Hmac-Sha256'] = Buffer.from(headers['X-Shopify-Hmac-Sha256']!, 'base64').toString('hex');
    expect(() => check(shopifyScheme, webhookRequest(body, headers), [secret])).toThrow(
      'header X-Shopify-Hmac-Sha256 does not hold a base64 sha256 signature',
    );
  });

  it('fails if the header is missing', () => {
    expect(() => check(shopifyScheme, webhookRequest(body, {}), [secret])).toThrow('missing header X-Shopify-Hmac-Sha256');
  });
});
