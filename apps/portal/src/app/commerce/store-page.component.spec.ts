import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionUser } from '@achievement/contracts';
import { button, settle, textOf } from '../../testing/forms';
import { CENTRE_STAFF, LEARNER, provideSession, SUPPORT } from '../../testing/session-stub';
import { routes } from '../app.routes';
import { API_ERROR_503 } from '../records/record-fixtures';
import { BasketStore } from './basket.store';
import { aBasket, aBasketItem, aLearner, aProduct, aStoreDocument, money, REASONS } from './commerce-fixtures';
import { StorePageComponent } from './store-page.component';

describe('StorePageComponent', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let root: HTMLElement;

  async function open(user: SessionUser, page: typeof StorePageComponent | null = StorePageComponent, url = '/store'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        // a history that Back and Forward move through as a browser's does
        provideLocationMocks(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideSession(user).provider,
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    if (page) {
      await harness.navigateByUrl(url, page);
    } else {
      await harness.navigateByUrl(url);
    }
    fixture = harness.fixture;
    root = fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  const products = [
    aProduct(),
    aProduct({
      id: 2,
      code: 'UNIT-COPY',
      name: 'Printed unit certificate',
      price: money(1000),
      documentTypes: ['unit_certificate'],
    }),
  ];

  async function productsLoaded(): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/store/products' }).flush(products);
    backend.expectOne({ method: 'GET', url: '/api/store/reasons' }).flush(REASONS);
    await settle(fixture);
  }

  const rows = () => Array.from(root.querySelectorAll<HTMLElement>('[data-testid="document-row"]'));
  const tickBox = (row: HTMLElement) => row.querySelector<HTMLInputElement>('[data-testid="document-tick"] input')!;
  const loader = () => TestbedHarnessEnvironment.loader(fixture);
  const snackBarMessage = async () => (await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatSnackBarHarness)).getMessage();

  /** Centre staff: the product, a search for "smi", Mary Ann Smith, then her documents answered with `documents`. */
  async function toDocuments(documents = [aStoreDocument(), aStoreDocument({ id: 702, documentNumber: 'D0000702' })]): Promise<void> {
    await productsLoaded();
    button(root, 'Choose')!.click();
    await settle(fixture);
    const search = root.querySelector<HTMLInputElement>('[data-testid="learner-search"]')!;
    search.value = 'smi';
    search.dispatchEvent(new Event('input'));
    button(root, 'Search')!.click();
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/store/learners' && r.params.get('q') === 'smi' && r.params.get('productId') === '1').flush([aLearner()]);
    await settle(fixture);
    (root.querySelector('[data-testid="learner-result"]') as HTMLElement).click();
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/store/documents' && r.params.get('productId') === '1' && r.params.get('learnerId') === '501').flush(documents);
    await settle(fixture);
  }

  describe('for centre staff', () => {
    beforeEach(() => open(CENTRE_STAFF));

    it('shows each product with its price, VAT and total', async () => {
      await productsLoaded();
      const cards = Array.from(root.querySelectorAll('[data-testid="product"]'));
      expect(cards).toHaveLength(2);
      expect(textOf(cards[0])).toContain('Printed certificate');
      expect(textOf(cards[0])).toContain('A printed copy of a certificate on security paper.');
      const price = (card: Element) => Array.from(card.querySelectorAll('[data-testid="product-price"] > *')).map((item) => textOf(item));
      expect(price(cards[0])).toEqual(['Price', '£25.00', 'VAT', '£5.00', 'Total', '£30.00']);
      expect(price(cards[1])).toEqual(['Price', '£10.00', 'VAT', '£2.00', 'Total', '£12.00']);
    });

    it("searches the centre's learners for the product and says so when none matches", async () => {
      await productsLoaded();
      button(root, 'Choose')!.click();
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="chosen-product"]'))).toContain('Product: Printed certificate');
      const search = root.querySelector<HTMLInputElement>('[data-testid="learner-search"]')!;
      search.value = 'Nobody';
      search.dispatchEvent(new Event('input'));
      button(root, 'Search')!.click();
      await settle(fixture);
      backend.expectOne((r) => r.url === '/api/store/learners' && r.params.get('q') === 'Nobody' && r.params.get('productId') === '1').flush([]);
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="learners-empty"]'))).toBe('No learner of your centre with a document for this product matches “Nobody”.');
    });

    it("lists the learner's documents: those in the basket and the revoked ones cannot be ticked", async () => {
      await toDocuments([
        aStoreDocument(),
        aStoreDocument({ id: 702, documentNumber: 'D0000702', inBasket: true }),
        aStoreDocument({
          id: 703,
          documentNumber: 'D0000703',
          status: 'revoked',
        }),
        aStoreDocument({
          id: 704,
          documentNumber: 'D0000704',
          status: 'superseded',
        }),
      ]);
      expect(textOf(root.querySelector('[data-testid="chosen-learner"]'))).toContain('Learner: Mary Ann Smith · 0002124');
      const [valid, inBasket, revoked, superseded] = rows();
      expect(tickBox(valid).disabled).toBe(false);
      expect(tickBox(inBasket).disabled).toBe(true);
      expect(textOf(inBasket.querySelector('[data-testid="document-state"]'))).toBe('In basket');
      expect(tickBox(revoked).disabled).toBe(true);
      expect(textOf(revoked.querySelector('[data-testid="document-state"]'))).toBe('Revoked');
      expect(textOf(superseded.querySelector('[data-testid="document-state"]'))).toBe('Superseded');
      expect(textOf(valid)).toContain('Level 3 Diploma in Light Vehicle Maintenance');
      expect(textOf(valid)).toContain('1 July 2026');
    });

    it('asks for a reason for every ticked document before adding anything', async () => {
      await toDocuments();
      button(root, 'Add to Basket')!.click();
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="add-error"]'))).toBe('Tick the documents to order.');

      tickBox(rows()[0]).click();
      await settle(fixture);
      button(root, 'Add to Basket')!.click();
      await settle(fixture);
      expect(textOf(rows()[0].querySelector('mat-error'))).toBe('Choose the reason for the duplicate');
      expect(textOf(root.querySelector('[data-testid="add-error"]'))).toBe('Choose the reason for the duplicate of each ticked document.');
      backend.expectNone('/api/basket/items');
    });

    it('adds the ticked documents with their reasons, confirms it, updates the basket icon and marks them In basket', async () => {
      await toDocuments();
      tickBox(rows()[0]).click();
      tickBox(rows()[1]).click();
      await settle(fixture);
      const selects = await loader().getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="document-reason"]' }));
      expect(selects).toHaveLength(2);
      await selects[0].open();
      await selects[0].clickOptions({ text: 'Lost' });
      await selects[1].open();
      await selects[1].clickOptions({ text: 'Damaged' });
      button(root, 'Add to Basket')!.click();

      const request = backend.expectOne({
        method: 'POST',
        url: '/api/basket/items',
      });
      expect(request.request.body).toEqual({
        productId: 1,
        items: [
          { documentId: 701, reasonId: 11 },
          { documentId: 702, reasonId: 12 },
        ],
      });
      request.flush(aBasket([aBasketItem(), aBasketItem({ id: 92 }), aBasketItem({ id: 93 })]), { status: 201, statusText: 'Created' });
      await settle(fixture);

      expect(await snackBarMessage()).toBe('Added 2 documents to your basket');
      expect(TestBed.inject(BasketStore).count()).toBe(3);
      expect(rows().map((row) => textOf(row.querySelector('[data-testid="document-state"]')))).toEqual(['In basket', 'In basket']);
    });

    it('shows the refusal when a document is in the basket already (409) and asks for the documents again', async () => {
      await toDocuments([aStoreDocument()]);
      tickBox(rows()[0]).click();
      await settle(fixture);
      const select = await loader().getHarness(MatSelectHarness.with({ selector: '[data-testid="document-reason"]' }));
      await select.open();
      await select.clickOptions({ text: 'Lost' });
      button(root, 'Add to Basket')!.click();
      backend.expectOne({ method: 'POST', url: '/api/basket/items' }).flush(
        {
          statusCode: 409,
          error: 'Conflict',
          message: 'D0000701 is in your basket already.',
          code: 'ALREADY_IN_BASKET',
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="add-error"]'))).toBe('D0000701 is in your basket already.');
      backend.expectOne((r) => r.url === '/api/store/documents').flush([aStoreDocument({ inBasket: true })]);
      backend.expectOne({ method: 'GET', url: '/api/basket' }).flush(aBasket([aBasketItem()]));
      await settle(fixture);
      expect(textOf(rows()[0].querySelector('[data-testid="document-state"]'))).toBe('In basket');
    });

    it('keeps each step in the address, so Back goes back a step at a time', async () => {
      const location = TestBed.inject(Location);
      // what the app's start does: the router follows Back and Forward
      TestBed.inject(Router).setUpLocationChangeListener();
      /** The browser moves through its history in a task of its own: wait until the address has changed. */
      const travel = async (move: () => void): Promise<void> => {
        const router = TestBed.inject(Router);
        const before = location.path();
        move();
        for (let i = 0; i < 50 && (location.path() === before || router.url !== location.path()); i++) await settle(fixture);
        await settle(fixture);
      };
      await toDocuments();
      expect(location.path()).toBe('/store?product=1&q=smi&learner=501');
      expect(rows()).toHaveLength(2);

      await travel(() => location.back());
      expect(location.path()).toBe('/store?product=1&q=smi');
      expect(rows()).toHaveLength(0);
      expect(root.querySelectorAll('[data-testid="learner-result"]')).toHaveLength(1);
      expect(root.querySelector('[data-testid="chosen-learner"]')).toBeNull();

      await travel(() => location.back());
      expect(location.path()).toBe('/store?product=1');
      expect(root.querySelector('[data-testid="learner-result"]')).toBeNull();
      expect(textOf(root.querySelector('[data-testid="chosen-product"]'))).toContain('Printed certificate');

      await travel(() => location.back());
      expect(location.path()).toBe('/store');
      expect(root.querySelector('[data-testid="chosen-product"]')).toBeNull();
      expect(root.querySelectorAll('[data-testid="product"]')).toHaveLength(2);

      // Forward again to the learner: chosen from what the search found, with no new search
      await travel(() => location.forward());
      await travel(() => location.forward());
      backend.expectOne((r) => r.url === '/api/store/learners' && r.params.get('q') === 'smi').flush([aLearner()]);
      await settle(fixture);
      await travel(() => location.forward());
      backend.expectOne((r) => r.url === '/api/store/documents' && r.params.get('learnerId') === '501').flush([aStoreDocument()]);
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="chosen-learner"]'))).toContain('Mary Ann Smith');
      expect(rows()).toHaveLength(1);
    });

    it('starts again from the products when Store is chosen again on the Store', async () => {
      await toDocuments();
      await TestBed.inject(Router).navigateByUrl('/store');
      await settle(fixture);
      expect(root.querySelector('[data-testid="chosen-product"]')).toBeNull();
      expect(rows()).toHaveLength(0);
      expect(root.querySelectorAll('[data-testid="product"]')).toHaveLength(2);
    });

    it('shows the error with Retry when the products cannot be loaded', async () => {
      backend.expectOne('/api/store/products').flush(API_ERROR_503.body, API_ERROR_503.init);
      expect(backend.expectOne('/api/store/reasons').cancelled).toBe(true);
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="products-error"]'))).toContain('The database is not reachable.');
      button(root, 'Retry')!.click();
      await productsLoaded();
      expect(root.querySelector('[data-testid="products-error"]')).toBeNull();
      expect(root.querySelectorAll('[data-testid="product"]')).toHaveLength(2);
    });

    it('says so when no product is on sale', async () => {
      backend.expectOne('/api/store/products').flush([]);
      backend.expectOne('/api/store/reasons').flush(REASONS);
      await settle(fixture);
      expect(textOf(root.querySelector('[data-testid="products-empty"]'))).toBe('No products are on sale at the moment.');
    });
  });

  it('opens at the step its address names, as after a reload', async () => {
    await open(CENTRE_STAFF, StorePageComponent, '/store?product=1&q=smi&learner=501');
    await productsLoaded();
    backend.expectOne((r) => r.url === '/api/store/learners' && r.params.get('q') === 'smi' && r.params.get('productId') === '1').flush([aLearner()]);
    await settle(fixture);
    backend.expectOne((r) => r.url === '/api/store/documents' && r.params.get('learnerId') === '501').flush([aStoreDocument()]);
    await settle(fixture);
    expect(textOf(root.querySelector('[data-testid="chosen-product"]'))).toContain('Printed certificate');
    expect(textOf(root.querySelector('[data-testid="chosen-learner"]'))).toContain('Mary Ann Smith');
    expect(root.querySelector<HTMLInputElement>('[data-testid="learner-search"]')).toBeNull();
    expect(rows()).toHaveLength(1);
  });

  it('starts from the products when the address names a product no longer on sale', async () => {
    await open(CENTRE_STAFF, StorePageComponent, '/store?product=99');
    await productsLoaded();
    await settle(fixture);
    expect(TestBed.inject(Location).path()).toBe('/store');
    expect(root.querySelectorAll('[data-testid="product"]')).toHaveLength(2);
  });

  describe('for a learner', () => {
    beforeEach(() => open(LEARNER));

    it('skips choosing a learner: their own documents are listed at once', async () => {
      await productsLoaded();
      button(root, 'Choose')!.click();
      await settle(fixture);
      const request = backend.expectOne((r) => r.url === '/api/store/documents');
      expect(request.request.params.get('productId')).toBe('1');
      expect(request.request.params.has('learnerId')).toBe(false);
      request.flush([]);
      await settle(fixture);
      expect(root.querySelector('[data-testid="learner-search"]')).toBeNull();
      expect(textOf(root.querySelector('[data-testid="documents-empty"]'))).toBe('There are no documents this product applies to.');
    });
  });

  it('is for centre staff and learners only', async () => {
    await open(SUPPORT, null);
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
