package dev.jangteo.query.ranking;

import dev.jangteo.query.catalog.ProductNames;
import dev.jangteo.query.sales.SalesFigures;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rankings computed from the exact PostgreSQL sales read model (the sales context's daily figures summed over
 * the period, named by the catalog), for when Redis cannot answer. Same rules as Redis: products whose figure is not
 * above zero are left out, ties go to the lower product id in byte order.
 */
@Component
class RankingDatabase {

    /** A product the catalog does not hold (yet): ranked without a name, as before it is registered. */
    private static final ProductNames.Named UNNAMED = new ProductNames.Named(null, null);

    private final SalesFigures sales;
    private final ProductNames names;

    RankingDatabase(SalesFigures sales, ProductNames names) {
        this.sales = sales;
        this.names = names;
    }

    List<RankingStore.Ranked> top(Period period, LocalDate date, Figure figure, int limit) {
        List<SalesFigures.ProductSales> top = sales.top(period.first(date), period.last(date),
                                                        SalesFigures.By.valueOf(figure.name()), limit);
        Map<String, ProductNames.Named> named = names.of(top.stream().map(SalesFigures.ProductSales::productId)
                                                            .toList());
        boolean byQuantity = figure == Figure.QUANTITY;
        return top.stream().map(product -> {
            ProductNames.Named name = named.getOrDefault(product.productId(), UNNAMED);
            return new RankingStore.Ranked(product.productId(),
                                           byQuantity ? product.quantity() : product.revenue(),
                                           byQuantity ? product.revenue() : product.quantity(),
                                           name.name(), name.category());
        }).toList();
    }
}
