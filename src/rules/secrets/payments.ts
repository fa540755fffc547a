/** Payment processors, commerce platforms and shipping APIs. */
import { keyed, prefixed } from './patterns.js'
import { providerRules, type ProviderCredential } from './provider-rule.js'

const STRIPE_URI = 'https://docs.stripe.com/keys#rolling-keys'
const SHOPIFY_URI =
  'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens'
const SQUARE_URI =
  'https://developer.squareup.com/docs/build-basics/access-tokens'
const TAIL = '[A-Za-z0-9_-]'

const PAYMENTS: readonly ProviderCredential[] = [
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    credential: 'live secret key',
    keywords: ['sk_live_'],
    pattern: prefixed('sk_live_', '[A-Za-z0-9]{24,247}'),
    grants:
      'every API call in live mode: charges, refunds, payouts, customer data',
    revoke: 'Roll the key in the Dashboard under Developers, API keys.',
    helpUri: STRIPE_URI
  },
  {
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    credential: 'live restricted key',
    keywords: ['rk_live_'],
    pattern: prefixed('rk_live_', '[A-Za-z0-9]{24,247}'),
    grants: 'the live-mode API permissions chosen for the key',
    revoke: 'Roll or delete the key under Developers, API keys.',
    helpUri: STRIPE_URI
  },
  {
    id: 'stripe-test-secret-key',
    provider: 'Stripe',
    credential: 'test-mode secret key',
    keywords: ['sk_test_', 'rk_test_'],
    pattern: prefixed('[sr]k_test_', '[A-Za-z0-9]{24,247}'),
    severity: 'warning',
    grants: 'the test-mode data of the account (no real money)',
    revoke: 'Roll the test key under Developers, API keys.',
    helpUri: STRIPE_URI
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    credential: 'webhook signing secret',
    keywords: ['whsec_'],
    pattern: prefixed('whsec_', '[A-Za-z0-9+/]{32,88}', '[A-Za-z0-9+/_]'),
    grants: 'forging webhook events the endpoint will trust',
    revoke: 'Roll the endpoint’s signing secret under Developers, Webhooks.',
    helpUri: 'https://docs.stripe.com/webhooks#roll-endpoint-secrets'
  },
  {
    id: 'square-access-token',
    provider: 'Square',
    credential: 'access token',
    keywords: ['eaaa', 'sq0atp-'],
    pattern: prefixed('(?:EAAA|sq0atp-)', '[A-Za-z0-9_-]{22,60}', TAIL),
    // 'EAAA' turns up inside base64 data, never at a token's start; a
    // token is at most 67 characters from its keyword's start.
    wordStart: true,
    reach: 72,
    grants: 'payments, refunds and customer data of the seller account',
    revoke:
      'Replace the token in the Developer Console; revoke OAuth tokens with RevokeToken.',
    helpUri: SQUARE_URI,
    check: value => !value.startsWith('EAAA') || value.length >= 60
  },
  {
    id: 'square-oauth-secret',
    provider: 'Square',
    credential: 'OAuth application secret',
    keywords: ['sq0csp-'],
    pattern: prefixed('sq0csp-', '[A-Za-z0-9_-]{43}', TAIL),
    grants: 'obtaining access tokens for every seller who authorized the app',
    revoke: 'Replace the application secret in the Developer Console, OAuth.',
    helpUri: SQUARE_URI
  },
  {
    id: 'braintree-access-token',
    provider: 'PayPal Braintree',
    credential: 'access token',
    keywords: ['access_token$production$'],
    pattern: prefixed(
      'access_token\\$production\\$',
      '[0-9a-z]{16}\\$[0-9a-f]{32}'
    ),
    grants: 'processing payments and refunds for the merchant account',
    revoke: 'Revoke the access token in the PayPal developer dashboard.',
    helpUri:
      'https://developer.paypal.com/braintree/docs/guides/authorization/overview'
  },
  {
    id: 'paypal-client-secret',
    provider: 'PayPal',
    credential: 'REST app client secret',
    keywords: ['paypal'],
    pattern: keyed('paypal[\\w-]{0,20}secret', '[A-Za-z0-9_-]{80}'),
    grants: 'payments and payouts as the REST app',
    revoke: 'Generate a new secret for the app in the developer dashboard.',
    helpUri: 'https://developer.paypal.com/api/rest/'
  },
  {
    id: 'razorpay-key-secret',
    provider: 'Razorpay',
    credential: 'API key secret',
    keywords: ['razorpay'],
    pattern: keyed('razorpay[\\w-]{0,20}secret', '[A-Za-z0-9]{24}'),
    grants: 'creating payments and refunds for the merchant',
    revoke: 'Regenerate the API key under Account & Settings, API Keys.',
    helpUri:
      'https://razorpay.com/docs/payments/dashboard/account-settings/api-keys/'
  },
  {
    id: 'flutterwave-secret-key',
    provider: 'Flutterwave',
    credential: 'secret key',
    keywords: ['flwseck'],
    pattern: prefixed('FLWSECK(?:_TEST)?-', '[a-f0-9]{32}-X', TAIL),
    grants: 'collecting and transferring funds for the business',
    revoke: 'Generate new API keys under Settings, API.',
    helpUri: 'https://developer.flutterwave.com/docs/authentication'
  },
  {
    id: 'plaid-secret',
    provider: 'Plaid',
    credential: 'API secret',
    keywords: ['plaid'],
    pattern: keyed('plaid[\\w-]{0,20}secret', '[a-f0-9]{30}'),
    grants: 'reading the linked bank accounts of every user of the app',
    revoke: 'Rotate the secret in the dashboard under Developers, Keys.',
    helpUri: 'https://plaid.com/docs/account/security/'
  },
  {
    id: 'plaid-access-token',
    provider: 'Plaid',
    credential: 'Item access token',
    keywords: ['access-production-'],
    pattern: prefixed(
      'access-production-',
      '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
      TAIL
    ),
    grants: 'the linked bank account’s transactions and balances',
    revoke: 'Call /item/remove to invalidate the token.',
    helpUri: 'https://plaid.com/docs/api/items/#itemremove'
  },
  {
    id: 'coinbase-api-secret',
    provider: 'Coinbase',
    credential: 'API secret',
    keywords: ['coinbase'],
    pattern: keyed('coinbase[\\w-]{0,20}secret', '[A-Za-z0-9+/]{32,88}={0,2}'),
    grants: 'trading and, with transfer permission, withdrawing funds',
    revoke: 'Delete the API key in the Coinbase developer platform.',
    helpUri: 'https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys'
  },
  {
    id: 'adyen-api-key',
    provider: 'Adyen',
    credential: 'API key',
    keywords: ['adyen'],
    pattern: keyed(
      'adyen[\\w-]{0,20}(?:api[_-]?)?key',
      'AQE[A-Za-z0-9+/=_.-]{60,300}'
    ),
    grants:
      'payment processing for the merchant accounts of the API credential',
    revoke: 'Generate a new key for the API credential in the Customer Area.',
    helpUri: 'https://docs.adyen.com/development-resources/api-credentials/'
  },
  {
    id: 'shopify-access-token',
    provider: 'Shopify',
    credential: 'Admin API access token',
    keywords: ['shpat_', 'shpca_', 'shppa_'],
    pattern: prefixed('shp(?:at|ca|pa)_', '[a-fA-F0-9]{32}'),
    grants: 'the store’s Admin API within the app’s scopes: orders, customers',
    revoke: 'Uninstall the custom app or rotate its access token.',
    helpUri: SHOPIFY_URI
  },
  {
    id: 'shopify-shared-secret',
    provider: 'Shopify',
    credential: 'app shared secret',
    keywords: ['shpss_'],
    pattern: prefixed('shpss_', '[a-fA-F0-9]{32}'),
    grants: 'forging webhooks and OAuth exchanges for the app',
    revoke: 'Rotate the client secret in the Partner Dashboard.',
    helpUri: SHOPIFY_URI
  },
  {
    id: 'shippo-api-token',
    provider: 'Shippo',
    credential: 'live API token',
    keywords: ['shippo_live_'],
    pattern: prefixed('shippo_live_', '[a-f0-9]{40}'),
    grants: 'buying labels billed to the account and reading its shipments',
    revoke: 'Regenerate the token under Settings, API.',
    helpUri: 'https://docs.goshippo.com/docs/guides_general/authentication/'
  },
  {
    id: 'easypost-api-key',
    provider: 'EasyPost',
    credential: 'production API key',
    keywords: ['ezak'],
    pattern: prefixed('EZAK', '[a-f0-9]{54}'),
    grants: 'buying postage billed to the account',
    revoke: 'Disable the key under Account settings, API keys.',
    helpUri: 'https://docs.easypost.com/docs/authentication'
  },
  {
    id: 'duffel-api-token',
    provider: 'Duffel',
    credential: 'live access token',
    keywords: ['duffel_live_'],
    pattern: prefixed('duffel_live_', '[A-Za-z0-9_-]{43}', TAIL),
    grants: 'booking travel billed to the organization',
    revoke: 'Delete the token under Developers, Access tokens.',
    helpUri:
      'https://duffel.com/docs/api/overview/making-requests/authentication'
  }
]

export const paymentRules = providerRules(PAYMENTS)
